import MailModel
import Mappings

/// The input formats `mailmigrate` reads, recognised from a file's name (a
/// `.gz` ending is looked through: gzip itself is detected from the bytes).
public enum SourceFormat: String, Sendable, CaseIterable {
    case canonicalCSV = "csv"
    /// An OpenXE/Xentral database dump (mysqldump output).
    case openXEDump = "sql"
    /// A page saved from OpenXE's web interface, or `mysql --html` output.
    case openXEPage = "html"
    /// XML: mailmigrate's account XML or `mysqldump --xml` (told apart by the root element).
    case xml = "xml"

    /// The format a path names, or nil when it is not one we read. Standard
    /// input (`-`) is canonical CSV.
    public static func of(path: String) -> SourceFormat? {
        if path == "-" { return .canonicalCSV }
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        if name.hasSuffix(".csv") { return .canonicalCSV }
        if name.hasSuffix(".sql") { return .openXEDump }
        if name.hasSuffix(".html") || name.hasSuffix(".htm") { return .openXEPage }
        if name.hasSuffix(".xml") { return .xml }
        return nil
    }

    /// Opens a reader for the source at `path` in this format.
    public func reader(path: String, options: ReadOptions = ReadOptions()) throws(InputError) -> AccountReader {
        let stream = try InputOpener.open(path)
        switch self {
        case .canonicalCSV: return try CSVSource.reader(stream: stream, path: path, options: options)
        case .openXEDump: return OpenXEDumpReader(stream: stream, path: path, includeDeleted: options.includeDeleted)
        case .openXEPage: return OpenXEPageReader(stream: stream, path: path, includeDeleted: options.includeDeleted)
        case .xml:
            let sniffing = SniffingByteStream(source: stream)
            let head = try sniffing.peek(4096)
            switch XMLRoot.name(head) {
            case "accounts":
                return AccountXMLReader(stream: sniffing, path: path, encoding: DocumentEncoding.fallbackForXML(head, complete: false))
            case "mysqldump": return MySQLXMLDumpReader(stream: sniffing, path: path, includeDeleted: options.includeDeleted)
            case "clientConfig":
                return SingleReject(Reject(
                    source: SourceReference(file: path),
                    reason: "an autoconfig file describes a provider, not accounts (use it with --providers)"))
            case let other:
                return SingleReject(Reject(
                    source: SourceReference(file: path),
                    reason: other.map { "unknown XML (root element <\($0)>; expected <accounts> or <mysqldump>)" }
                        ?? "not XML (no root element in the first 4 KB)"))
            }
        }
    }
}

/// The name of an XML document's root element, from its first bytes.
enum XMLRoot {
    static func name(_ head: [UInt8]) -> String? {
        var text = String(decoding: head, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("?") || rest.hasPrefix("!") {
                if rest.hasPrefix("!--"), let end = rest.range(of: "-->") { rest = rest[end.upperBound...] }
                continue
            }
            let name = rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            return name.isEmpty ? nil : String(name)
        }
        return nil
    }
}

/// A reader for a file that is one reject (a file of a known kind that holds no accounts).
final class SingleReject: AccountReader {
    private var reject: Reject?
    init(_ reject: Reject) { self.reject = reject }
    func next() throws(InputError) -> ImportItem? {
        defer { reject = nil }
        return reject.map { .reject($0) }
    }
}

/// Choices that change what a reader hands on.
public struct ReadOptions: Sendable {
    /// Import records their system marks as deleted (OpenXE `geloescht = 1`)
    /// instead of skipping them.
    public var includeDeleted: Bool
    /// CSV: the layout to read (`--profile`, `--mapping`); nil: chosen from the header.
    public var profile: MappingProfile?
    /// CSV: the profiles the header is matched against.
    public var profiles: [MappingProfile]
    /// CSV: the character set (`--encoding`); nil: detected.
    public var encoding: TextEncoding?
    /// Told which layout was chosen for a file, and why.
    public var announce: (@Sendable (String) -> Void)?

    public init(
        includeDeleted: Bool = false, profile: MappingProfile? = nil, profiles: [MappingProfile] = BuiltInProfiles.all,
        encoding: TextEncoding? = nil, announce: (@Sendable (String) -> Void)? = nil
    ) {
        self.includeDeleted = includeDeleted
        self.profile = profile
        self.profiles = profiles
        self.encoding = encoding
        self.announce = announce
    }
}
