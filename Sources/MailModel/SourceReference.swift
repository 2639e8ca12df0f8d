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
    /// where interpolation cost several times as much, and appending part
    /// by part to an array cost twice as much as this.
    private func withText<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var file = file
        var detail = detail ?? ""
        return file.withUTF8 { file in
            detail.withUTF8 { detail in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: file.count + detail.count + 24) { buffer in
                    var count = 0
                    func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
                        (buffer.baseAddress! + count).initialize(from: base, count: bytes.count)
                        count += bytes.count
                    }
                    func put(_ byte: UInt8) {
                        buffer[count] = byte
                        count += 1
                    }
                    func put(line: Int) {
                        var digits = 0
                        var rest = line.magnitude
                        repeat { digits += 1; rest /= 10 } while rest > 0
                        if line < 0 { put(UInt8(ascii: "-")) }
                        rest = line.magnitude
                        for index in stride(from: count + digits - 1, through: count, by: -1) {
                            buffer[index] = UInt8(rest % 10) + 0x30
                            rest /= 10
                        }
                        count += digits
                    }
                    put(file)
                    switch (line, self.detail != nil) {
                    case let (l?, true):
                        put(UInt8(ascii: ":"))
                        put(line: l)
                        put(UInt8(ascii: " "))
                        put(UInt8(ascii: "("))
                        put(detail)
                        put(UInt8(ascii: ")"))
                    case let (l?, false):
                        put(UInt8(ascii: ":"))
                        put(line: l)
                    case (nil, true):
                        put(UInt8(ascii: ":"))
                        put(UInt8(ascii: " "))
                        put(detail)
                    case (nil, false): break
                    }
                    return body(UnsafeBufferPointer(start: buffer.baseAddress, count: count))
                }
            }
        }
    }
}
