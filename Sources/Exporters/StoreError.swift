/// A failure of the SQLite store, with the database path and SQLite's message.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): database error: \(message)" }
}
