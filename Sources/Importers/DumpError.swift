/// Why a dump could not be read on: the file, the line and byte offset where
/// the problem starts, and what was expected there.
public struct DumpError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let offset: Int
    public let message: String

    /// Why a row with a value that is not UTF-8 is rejected (in a dump
    /// that does not say latin1), and the usual cause.
    static let notUTF8 = "is not valid UTF-8 (a dump in another character set? mysqldump --default-character-set=utf8mb4 writes UTF-8)"

    public init(path: String, line: Int, offset: Int, message: String) {
        self.path = path
        self.line = line
        self.offset = offset
        self.message = message
    }

    public var description: String { "\(path):\(line) (byte \(offset)): \(message)" }
}
