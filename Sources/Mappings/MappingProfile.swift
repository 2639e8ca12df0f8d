import MailModel

/// How one system's spreadsheet export names the account fields: a table of
/// columns, each tied to canonical fields, with the system's own words for
/// values (`SSL`, `ja`, `IMAP (Office 365)`). The same table reads and writes,
/// so converting from one system's layout to another's goes through the
/// canonical model without hand-editing. Built-in profiles are in
/// `BuiltInProfiles`; a user's own comes as JSON (`--mapping FILE`) in the
/// same shape (see samples/profiles/mapping-example.json).
public struct MappingProfile: Sendable, Codable, Hashable {
    public var name: String
    public var description: String
    /// How the table maps: by `columns`, or OpenXE's `emailbackup` columns
    /// through `EmailbackupMapping` (the `openxe` profile).
    public var kind: Kind = .columns
    /// The delimiter written (reading detects it).
    public var delimiter: String = ","
    /// Files of this layout have no header row (imapsync); columns are then by position.
    public var headerless: Bool = false
    /// Lines starting with this are comments (imapsync's `#`).
    public var commentPrefix: String?
    /// Each record ends with a delimiter (imapsync's `…;password2;`).
    public var trailingDelimiter: Bool = false
    public var columns: [ProfileColumn]
    /// Value maps by name, for `ProfileColumn.values`.
    public var valueMaps: [String: ValueMap] = [:]

    public enum Kind: String, Sendable, Codable, Hashable {
        case columns
        case emailbackup
    }

    public init(
        name: String, description: String, kind: Kind = .columns, delimiter: String = ",", headerless: Bool = false,
        commentPrefix: String? = nil, trailingDelimiter: Bool = false, columns: [ProfileColumn],
        valueMaps: [String: ValueMap] = [:]
    ) {
        self.name = name
        self.description = description
        self.kind = kind
        self.delimiter = delimiter
        self.headerless = headerless
        self.commentPrefix = commentPrefix
        self.trailingDelimiter = trailingDelimiter
        self.columns = columns
        self.valueMaps = valueMaps
    }

    /// The column a header cell names (its header or an alias), ignoring case and spaces around.
    public func columnIndex(forHeader header: String) -> Int? {
        let key = ProfileColumn.normalised(header)
        return columns.firstIndex { $0.matches(key) }
    }
}

/// One column of a profile.
public struct ProfileColumn: Sendable, Codable, Hashable {
    /// The header written, and read.
    public var header: String
    /// Other headers read as this column (spellings of other versions).
    public var aliases: [String]?
    /// The canonical fields (names as in canonical CSV) the column holds;
    /// reading sets all of them, writing takes the first (`Benutzername` is
    /// the IMAP and the SMTP login in Xentral).
    public var fields: [String]
    /// The name of the value map in `MappingProfile.valueMaps` that turns the
    /// system's words into canonical values and back.
    public var values: String?
    /// A text format: `date-de` (31.12.2024), `list` (comma-separated).
    public var format: String?
    /// A column without a canonical field: kept as this extra, written back from it.
    public var extra: String?
    /// Canonical values a non-empty cell implies (an `IMAP-Server` means the protocol is IMAP).
    public var implies: [String: String]?

    public init(
        _ header: String, _ fields: [String] = [], values: String? = nil, format: String? = nil, extra: String? = nil,
        aliases: [String]? = nil, implies: [String: String]? = nil
    ) {
        self.header = header
        self.implies = implies
        self.fields = fields
        self.values = values
        self.format = format
        self.extra = extra
        self.aliases = aliases
    }

    static func normalised(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    func matches(_ normalisedHeader: String) -> Bool {
        Self.normalised(header) == normalisedHeader || (aliases ?? []).contains { Self.normalised($0) == normalisedHeader }
    }

    /// The canonical fields, resolved; names that are not fields are reported by `MappingProfile.check()`.
    public var canonicalFields: [CanonicalField] { fields.compactMap(CanonicalField.init(rawValue:)) }
}

/// A system's words for values: each entry is one word (written) with the
/// other spellings read as it, and the canonical values it stands for.
/// `$` stands for the column's own field, so one map serves every yes/no column.
public struct ValueMap: Sendable, Codable, Hashable {
    public var entries: [Entry]

    public init(_ entries: [Entry]) { self.entries = entries }

    public struct Entry: Sendable, Codable, Hashable {
        public var word: String
        public var alsoRead: [String]?
        /// Canonical field name (or `$`) → canonical text.
        public var means: [String: String]

        public init(_ word: String, alsoRead: [String]? = nil, means: [String: String]) {
            self.word = word
            self.alsoRead = alsoRead
            self.means = means
        }

    }

}

import Foundation

extension MappingProfile {
    private enum CodingKeys: String, CodingKey {
        case name, description, kind, delimiter, headerless, commentPrefix, trailingDelimiter, columns, valueMaps
    }

    /// A mapping file may leave out what has a default (kind, delimiter, value maps, …).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .columns
        delimiter = try c.decodeIfPresent(String.self, forKey: .delimiter) ?? ","
        headerless = try c.decodeIfPresent(Bool.self, forKey: .headerless) ?? false
        commentPrefix = try c.decodeIfPresent(String.self, forKey: .commentPrefix)
        trailingDelimiter = try c.decodeIfPresent(Bool.self, forKey: .trailingDelimiter) ?? false
        columns = try c.decode([ProfileColumn].self, forKey: .columns)
        valueMaps = try c.decodeIfPresent([String: ValueMap].self, forKey: .valueMaps) ?? [:]
    }
}

extension ProfileColumn {
    private enum CodingKeys: String, CodingKey {
        case header, aliases, fields, values, format, extra, implies
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        header = try c.decode(String.self, forKey: .header)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases)
        fields = try c.decodeIfPresent([String].self, forKey: .fields) ?? []
        values = try c.decodeIfPresent(String.self, forKey: .values)
        format = try c.decodeIfPresent(String.self, forKey: .format)
        extra = try c.decodeIfPresent(String.self, forKey: .extra)
        implies = try c.decodeIfPresent([String: String].self, forKey: .implies)
    }
}
