import ArgumentParser
import Exporters
import Foundation

/// A run that failed: prints `mailmigrate: <what went wrong>` on standard
/// error and exits with `ExitStatus.failure`, or with `ExitStatus.locked`
/// when another process held the database. The message comes from the typed
/// error (file, position and problem), never from a record's values.
struct Failure: Error, CustomStringConvertible {
    let description: String
    var status = ExitStatus.failure

    init(_ error: Error, note: String? = nil) {
        var text = String(describing: error)
        if let store = error as? StoreError, store.busy {
            // A run keeps its database locked until it commits: say so, and whose.
            text += RunLock.holder(database: store.path).map { ": \($0) is writing it and holds it until it commits" }
                ?? ": another process is writing it"
            text += "; try again when it ends"
            status = .locked
        }
        if let note { text += " (\(note))" }
        description = text
    }

    init(message: String) { description = message }
}

extension Failure {
    static func handle(_ error: Error) -> Never {
        // A message may quote bytes of the input (`found '…'`).
        FileHandleStream.standardError.write("mailmigrate: \(TerminalText.visible(String(describing: error)))\n")
        exit(((error as? Failure)?.status ?? .failure).rawValue)
    }
}
