import ArgumentParser
import Foundation

/// A run that failed: prints `mailmigrate: <what went wrong>` on standard
/// error and exits with `ExitStatus.failure`. The message comes from the typed
/// error (file, position and problem), never from a record's values.
struct Failure: Error, CustomStringConvertible {
    let description: String

    init(_ error: Error, note: String? = nil) {
        var text = String(describing: error)
        if let note { text += " (\(note))" }
        description = text
    }

    init(message: String) { description = message }
}

extension Failure {
    static func handle(_ error: Error) -> Never {
        // A message may quote bytes of the input (`found '…'`).
        FileHandleStream.standardError.write("mailmigrate: \(TerminalText.visible(String(describing: error)))\n")
        exit(ExitStatus.failure.rawValue)
    }
}
