/// Why a dump could not be read on: the file, the line and byte offset where
/// the problem starts, and what was expected there.
public struct DumpError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let offset: Int
    public let message: String

    public init(path: String, line: Int, offset: Int, message: String) {
        self.path = path
        self.line = line
        self.offset = offset
        self.message = message
    }

    public var description: String { "\(path):\(line) (byte \(offset)): \(message)" }
}
