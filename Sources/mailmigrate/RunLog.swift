import Foundation
import Logging

/// `run --log FILE`: one line per event (start, sources, counts, rejects,
/// exports, connect-test failures, the end) appended to a file through
/// swift-log, for the operator who reads what cron did last night. Never a
/// password: only counts, paths and the same texts the summary prints.
struct FileLogHandler: LogHandler {
    private let handle: FileHandle
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    init(label: String, handle: FileHandle) {
        self.label = label
        self.handle = handle
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        write(level: event.level, message: event.message, metadata: event.metadata)
    }

    private func write(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?) {
        let stamp = ISO8601DateFormatter().string(from: Date())
        let all = self.metadata.merging(metadata ?? [:]) { $1 }
        let extra = all.isEmpty ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        // One line per event, whatever bytes of the input an error quotes.
        let text = TerminalText.visible("\(message)\(extra)")
        handle.write(Data("\(stamp) \(level) \(label): \(text)\n".utf8))
    }
}

enum RunLog {
    /// A logger writing to `path` (appended; created with mode 0600), or one that discards.
    static func logger(path: String?) throws -> Logger {
        guard let path else { return Logger(label: "mailmigrate", factory: { _ in SwiftLogNoOpLogHandler() }) }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw Failure(message: "\(path): cannot create the log file")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw Failure(message: "\(path): cannot open the log file") }
        handle.seekToEndOfFile()
        return Logger(label: "mailmigrate", factory: { FileLogHandler(label: $0, handle: handle) })
    }
}
