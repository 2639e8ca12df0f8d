/// Where a record came from: a file and a position in it (a line, a table row
/// with its primary key, an element). It travels with findings and rejects so
/// that a user can find the record in the input.
public struct SourceReference: Sendable, Hashable, CustomStringConvertible {
    /// The file path as given on the command line, or `-` for standard input.
    public var file: String
    /// A 1-based line number, where the format has lines.
    public var line: Int?
    /// A position that is not a line: `emailbackup id=7`, `row 12`, `element 3`.
    public var detail: String?

    public init(file: String, line: Int? = nil, detail: String? = nil) {
        self.file = file
        self.line = line
        self.detail = detail
    }

    /// `file:line`, `file: detail` or `file:line (detail)`.
    public var description: String {
        // Appended piece by piece: made for every record a run reads, and
        // string interpolation costs several times as much.
        var text = file
        switch (line, detail) {
        case let (l?, d?):
            text.reserveCapacity(file.utf8.count + d.utf8.count + 24)
            text.append(":")
            text.append(String(l))
            text.append(" (")
            text.append(d)
            text.append(")")
        case let (l?, nil):
            text.reserveCapacity(file.utf8.count + 21)
            text.append(":")
            text.append(String(l))
        case let (nil, d?):
            text.append(": ")
            text.append(d)
        case (nil, nil): break
        }
        return text
    }
}
