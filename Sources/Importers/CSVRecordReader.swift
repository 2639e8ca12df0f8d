/// One step of reading a CSV file: a record with the line it starts on, or a
/// record that could not be read, with the reason. After a malformed record,
/// reading resumes on the line after the one the bad record started on.
public enum CSVRecordEvent: Sendable, Equatable {
    case record(line: Int, fields: [String])
    case malformed(line: Int, reason: String)
}

/// Splits a byte stream into RFC 4180 records: quoted fields with doubled
/// quotes, delimiters and line breaks inside quotes, CRLF or LF line ends, an
/// optional UTF-8 byte order mark. The delimiter is taken from the first line
/// (the one of `,` `;` tab `|` found most often outside quotes) unless given.
///
/// It holds only the record being read in memory (at most `maxRecordBytes`),
/// however large the file is.
public final class CSVRecordReader {
    public let name: String
    public private(set) var delimiter: UInt8?
    public let maxRecordBytes: Int

    private let stream: ByteStream
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var eof = false
    private var line = 1
    private var checkedBOM = false
    /// After a record too long to hold, its rest up to the next line break is skipped.
    private var skippingLine = false
    /// The previous record's field count, to size the next record's array.
    private var lastFieldCount = 16

    public init(stream: ByteStream, delimiter: UInt8? = nil, maxRecordBytes: Int = 16 << 20) {
        self.stream = stream
        self.name = stream.name
        self.delimiter = delimiter
        self.maxRecordBytes = maxRecordBytes
        capacity = 1 << 20
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// The next record, or nil at the end of the input.
    public func next() throws(InputError) -> CSVRecordEvent? {
        if !checkedBOM { try skipBOM() }
        if delimiter == nil { try detectDelimiter() }
        while true {
            if skippingLine {
                if let nl = firstNewline(from: start) {
                    start = nl + 1
                    line += 1
                    skippingLine = false
                } else {
                    start = end
                    if eof { return nil }
                    try fill()
                    continue
                }
            }
            switch parseRecord() {
            case .needMore:
                if end - start >= maxRecordBytes {
                    let startLine = line
                    if let nl = firstNewline(from: start) {
                        start = nl + 1
                        line += 1
                    } else {
                        skippingLine = true
                        start = end
                    }
                    return .malformed(
                        line: startLine,
                        reason: "record longer than \(maxRecordBytes) bytes (an unbalanced quote?)")
                }
                try fill()
            case .blank(let next):
                start = next
                line += 1
            case .done:
                return nil
            case let .record(fields, next, lines):
                lastFieldCount = fields.count
                let startLine = line
                start = next
                line += lines
                return .record(line: startLine, fields: fields)
            case .malformed(let reason):
                let startLine = line
                if let nl = firstNewline(from: start) {
                    start = nl + 1
                } else {
                    start = end
                }
                line += 1
                return .malformed(line: startLine, reason: reason)
            }
        }
    }

    private enum Step {
        case needMore
        case done
        case blank(next: Int)
        case record(fields: [String], next: Int, lines: Int)
        case malformed(String)
    }

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// Parses one record starting at `start`, without consuming anything.
    private func parseRecord() -> Step {
        let b = storage
        let d = delimiter!
        var i = start
        if i == end { return eof ? .done : .needMore }
        // A line with nothing on it is no record.
        if b[i] == Self.lf { return .blank(next: i + 1) }
        if b[i] == Self.cr {
            if i + 1 == end { return eof ? .blank(next: i + 1) : .needMore }
            if b[i + 1] == Self.lf { return .blank(next: i + 2) }
        }
        var fields: [String] = []
        fields.reserveCapacity(lastFieldCount)
        var lines = 1
        while true {
            if i < end && b[i] == Self.quote {
                // Quoted field.
                var j = i + 1
                var hasDoubled = false
                var breaks = 0
                while true {
                    while j < end && b[j] != Self.quote {
                        if b[j] == Self.lf { breaks += 1 }
                        j += 1
                    }
                    if j == end {
                        if eof {
                            return .malformed("unterminated quoted field in column \(fields.count + 1)")
                        }
                        return .needMore
                    }
                    // b[j] is a quote: doubled, or the closing one?
                    if j + 1 == end && !eof { return .needMore }
                    if j + 1 < end && b[j + 1] == Self.quote {
                        hasDoubled = true
                        j += 2
                        continue
                    }
                    break
                }
                guard let value = makeString(from: i + 1, to: j, unescapeQuotes: hasDoubled) else {
                    return .malformed("invalid UTF-8 in column \(fields.count + 1)")
                }
                fields.append(value)
                lines += breaks
                i = j + 1
                if i == end {
                    return eof ? .record(fields: fields, next: i, lines: lines) : .needMore
                }
                let c = b[i]
                if c == d {
                    i += 1
                    continue
                }
                if c == Self.lf { return .record(fields: fields, next: i + 1, lines: lines) }
                if c == Self.cr {
                    if i + 1 == end && !eof { return .needMore }
                    if i + 1 < end && b[i + 1] == Self.lf {
                        return .record(fields: fields, next: i + 2, lines: lines)
                    }
                    return .record(fields: fields, next: i + 1, lines: lines)
                }
                return .malformed(
                    "unexpected character '\(Character(Unicode.Scalar(c)))' after the closing quote in column \(fields.count)")
            }
            // Unquoted field: up to the delimiter or the end of the line.
            var j = i
            while j < end {
                let c = b[j]
                if c == d || c == Self.lf || c == Self.cr { break }
                j += 1
            }
            if j == end && !eof { return .needMore }
            guard let value = makeString(from: i, to: j, unescapeQuotes: false) else {
                return .malformed("invalid UTF-8 in column \(fields.count + 1)")
            }
            fields.append(value)
            if j == end { return .record(fields: fields, next: j, lines: lines) }
            let c = b[j]
            if c == d {
                i = j + 1
                continue
            }
            if c == Self.lf { return .record(fields: fields, next: j + 1, lines: lines) }
            // CR
            if j + 1 == end && !eof { return .needMore }
            if j + 1 < end && b[j + 1] == Self.lf { return .record(fields: fields, next: j + 2, lines: lines) }
            return .record(fields: fields, next: j + 1, lines: lines)
        }
    }

    private func makeString(from: Int, to: Int, unescapeQuotes: Bool) -> String? {
        let bytes = UnsafeBufferPointer(start: storage + from, count: to - from)
        if !unescapeQuotes { return UTF8Validation.string(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var k = 0
        while k < bytes.count {
            out.append(bytes[k])
            k += (bytes[k] == Self.quote) ? 2 : 1
        }
        return out.withUnsafeBufferPointer { UTF8Validation.string($0) }
    }

    private func firstNewline(from: Int) -> Int? {
        var i = from
        while i < end {
            if storage[i] == Self.lf { return i }
            i += 1
        }
        return nil
    }

    /// Reads more input behind what is held, moving the held bytes to the front
    /// and growing the buffer when one record needs more room.
    private func fill() throws(InputError) {
        if eof { return }
        if start > 0 {
            let held = end - start
            if held > 0 { (storage).update(from: storage + start, count: held) }
            start = 0
            end = held
        }
        if end == capacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: storage, count: end)
            storage.deallocate()
            storage = bigger
            capacity *= 2
        }
        let n = try stream.read(into: UnsafeMutableRawBufferPointer(start: storage + end, count: capacity - end))
        if n == 0 { eof = true } else { end += n }
    }

    private func skipBOM() throws(InputError) {
        checkedBOM = true
        while end - start < 3 && !eof { try fill() }
        if end - start >= 3 && storage[start] == 0xEF && storage[start + 1] == 0xBB && storage[start + 2] == 0xBF {
            start += 3
        }
    }

    private func detectDelimiter() throws(InputError) {
        while firstNewline(from: start) == nil && !eof && end - start < maxRecordBytes { try fill() }
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var i = start
        while i < end {
            let c = storage[i]
            if c == Self.quote { inQuotes.toggle() }
            if !inQuotes {
                if c == Self.lf || c == Self.cr { break }
                if let k = candidates.firstIndex(of: c) { counts[k] += 1 }
            }
            i += 1
        }
        let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }!
        delimiter = counts[best] > 0 ? candidates[best] : UInt8(ascii: ",")
    }
}
