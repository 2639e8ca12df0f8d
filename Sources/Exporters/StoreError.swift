/// A failure of the SQLite store, with the database path and SQLite's message.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String
    /// Another connection held the database longer than the busy timeout
    /// (SQLITE_BUSY or SQLITE_LOCKED): a run writing it keeps readers out
    /// until it commits. The command line names the run when it can.
    public let busy: Bool

    public init(path: String, message: String, busy: Bool = false) {
        self.path = path
        self.message = message
        self.busy = busy
    }

    public var description: String { "\(path): database error: \(message)" }
}
