/// Why an input could not be read at all (as opposed to a record in it that
/// could not be read, which becomes a `Reject` and lets the rest go on).
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case readFailed(path: String, reason: String)
    case corruptGzip(path: String, offset: Int, reason: String)
    case truncatedGzip(path: String, offset: Int)
    case unsupportedFormat(path: String)
    case noSupportedFiles(directory: String)
    case invalidHeader(path: String, line: Int, reason: String)
    /// An XML or HTML document that cannot be read: malformed, too large,
    /// in an unknown encoding, or refused for safety (entities of its own).
    case invalidDocument(path: String, line: Int?, column: Int?, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "\(path): cannot open: \(reason)"
        case let .readFailed(path, reason): "\(path): read failed: \(reason)"
        case let .corruptGzip(path, offset, reason):
            "\(path): corrupt gzip data at compressed byte offset \(offset): \(reason)"
        case let .truncatedGzip(path, offset):
            "\(path): gzip stream truncated at compressed byte offset \(offset) (the file ends before the gzip trailer)"
        case let .unsupportedFormat(path):
            "\(path): unsupported input format (expected .csv, .sql, .xml, .html or .htm, optionally .gz)"
        case let .noSupportedFiles(directory): "\(directory): directory holds no supported input files"
        case let .invalidHeader(path, line, reason): "\(path):\(line): \(reason)"
        case let .invalidDocument(path, line?, column?, reason): "\(path):\(line):\(column): \(reason)"
        case let .invalidDocument(path, line?, nil, reason): "\(path):\(line): \(reason)"
        case let .invalidDocument(path, _, _, reason): "\(path): \(reason)"
        }
    }
}
