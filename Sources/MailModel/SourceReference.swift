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
    public var description: String { withText { CheckedUTF8.string($0) } }

    /// Appends `description` as UTF-8.
    public func appendText(to out: inout [UInt8]) { withText { out.append(contentsOf: $0) } }

    /// `description`'s UTF-8, written once into memory on the stack: made
    /// for every record a run reads (its origin, and its row's source),
    /// where interpolation cost several times as much.
    private func withText<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var file = file
        var detail = detail ?? ""
        return file.withUTF8 { file in
            detail.withUTF8 { detail in
                // Room for both texts, ":", " (", ")" and a line of 20 characters.
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: file.count + detail.count + 24) { room in
                    var out = ByteWriter(into: room)
                    out.append(contentsOf: file)
                    switch (line, self.detail != nil) {
                    case let (l?, true):
                        out.append(UInt8(ascii: ":"))
                        UTF8Text.append(l, to: &out)
                        out.append(UInt8(ascii: " "))
                        out.append(UInt8(ascii: "("))
                        out.append(contentsOf: detail)
                        out.append(UInt8(ascii: ")"))
                    case let (l?, false):
                        out.append(UInt8(ascii: ":"))
                        UTF8Text.append(l, to: &out)
                    case (nil, true):
                        out.append(UInt8(ascii: ":"))
                        out.append(UInt8(ascii: " "))
                        out.append(contentsOf: detail)
                    case (nil, false): break
                    }
                    assert(out.missing == 0, "the room above holds every position text")
                    return body(UnsafeBufferPointer(start: room.baseAddress, count: out.written))
                }
            }
        }
    }
}
