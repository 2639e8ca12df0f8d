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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(file.utf8.count + (detail?.utf8.count ?? 0) + 24)
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `description` as UTF-8. Byte by byte, not interpolated: made
    /// for every record a run reads, where interpolation cost several times as much.
    public func appendText(to out: inout [UInt8]) {
        UTF8Text.append(file, to: &out)
        switch (line, detail) {
        case let (l?, d?):
            out.append(UInt8(ascii: ":"))
            UTF8Text.append(l, to: &out)
            out.append(UInt8(ascii: " "))
            out.append(UInt8(ascii: "("))
            UTF8Text.append(d, to: &out)
            out.append(UInt8(ascii: ")"))
        case let (l?, nil):
            out.append(UInt8(ascii: ":"))
            UTF8Text.append(l, to: &out)
        case let (nil, d?):
            out.append(UInt8(ascii: ":"))
            out.append(UInt8(ascii: " "))
            UTF8Text.append(d, to: &out)
        case (nil, nil): break
        }
    }
}
