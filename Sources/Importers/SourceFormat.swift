/// The input formats `mailmigrate` reads, recognised from a file's name (a
/// `.gz` ending is looked through: gzip itself is detected from the bytes).
public enum SourceFormat: String, Sendable, CaseIterable {
    case canonicalCSV = "csv"
    /// An OpenXE/Xentral database dump (mysqldump output).
    case openXEDump = "sql"
    /// A page saved from OpenXE's web interface, or `mysql --html` output.
    case openXEPage = "html"

    /// The format a path names, or nil when it is not one we read. Standard
    /// input (`-`) is canonical CSV.
    public static func of(path: String) -> SourceFormat? {
        if path == "-" { return .canonicalCSV }
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        if name.hasSuffix(".csv") { return .canonicalCSV }
        if name.hasSuffix(".sql") { return .openXEDump }
        if name.hasSuffix(".html") || name.hasSuffix(".htm") { return .openXEPage }
        return nil
    }

    /// Opens a reader for the source at `path` in this format.
    public func reader(path: String, options: ReadOptions = ReadOptions()) throws(InputError) -> AccountReader {
        let stream = try InputOpener.open(path)
        switch self {
        case .canonicalCSV: return CanonicalCSVReader(stream: stream, path: path)
        case .openXEDump: return OpenXEDumpReader(stream: stream, path: path, includeDeleted: options.includeDeleted)
        case .openXEPage: return OpenXEPageReader(stream: stream, path: path, includeDeleted: options.includeDeleted)
        }
    }
}

/// Choices that change what a reader hands on.
public struct ReadOptions: Sendable {
    /// Import records their system marks as deleted (OpenXE `geloescht = 1`)
    /// instead of skipping them.
    public var includeDeleted: Bool

    public init(includeDeleted: Bool = false) {
        self.includeDeleted = includeDeleted
    }
}
