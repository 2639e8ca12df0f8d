#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One step of reading a CSV file: a record with the line it starts on, or a
/// record that could not be read, with the reason. After a malformed record,
/// reading resumes on the line after the one the bad record started on.
public enum CSVRecordEvent: Sendable, Equatable {
    case record(line: Int, fields: [String])
    case malformed(line: Int, reason: String)
}

/// Splits a byte stream into RFC 4180 records: quoted fields with doubled
/// quotes, delimiters and line breaks inside quotes, CRLF or LF line ends, an
/// optional UTF-8 byte order mark, an optional Excel `sep=;` line. Blank
/// lines and rows of empty cells are not records. The delimiter is taken
/// from the first line (the one of `,` `;` tab `|` found most often outside
/// quotes) unless given.
///
/// It holds only the record being read in memory (at most `maxRecordBytes`),
/// however large the file is.
public final class CSVRecordReader {
    public let name: String
    public private(set) var delimiter: UInt8?
    public let maxRecordBytes: Int
    /// The header row's cells, once the caller has read them: a record that
    /// is not UTF-8 then names its column by heading as well as by number
    /// (a spreadsheet of sixty columns is not read by counting).
    public var header: [String] = []

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
    /// The fields of the current record: where they are in the buffer.
    private var spans: [Span] = []
    private var scratch: [UInt8] = []

    private struct Span {
        var start: Int
        var end: Int
        /// The field was quoted and holds `""`, which reads as one quote.
        var doubledQuotes: Bool
    }

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
        guard let event = try nextSpans() else { return nil }
        switch event {
        case .record(let line):
            return .record(line: line, fields: (0..<fieldCount).map { i in withField(i) { String(decoding: $0, as: UTF8.self) } })
        case .malformed(let line, let reason):
            return .malformed(line: line, reason: reason)
        }
    }

    /// What `nextSpans` found: a record, whose fields `withField` then reads
    /// (until the next call), or a record that could not be read.
    public enum SpanEvent: Sendable, Equatable {
        case record(line: Int)
        case malformed(line: Int, reason: String)
    }

    /// The number of fields of the record `nextSpans` last returned.
    public var fieldCount: Int { spans.count }

    /// Calls `body` with the UTF-8 of field `index` of the current record,
    /// quotes removed. The bytes are valid only during the call.
    public func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let span = spans[index]
        if !span.doubledQuotes {
            return body(UnsafeBufferPointer(start: storage + span.start, count: span.end - span.start))
        }
        scratch.removeAll(keepingCapacity: true)
        var k = span.start
        while k < span.end {
            scratch.append(storage[k])
            k += storage[k] == Self.quote ? 2 : 1
        }
        return scratch.withUnsafeBufferPointer(body)
    }

    /// Appends the current record's bytes, as they stand in the file from
    /// its first field to its last, to `bytes` (one copy), and each field's
    /// place in them to `fields`, for a `CSVRecordBatch`.
    func copyRecord(to bytes: inout [UInt8], fields: inout [CSVRecordBatch.Field]) {
        guard let first = spans.first, let last = spans.last else { return }
        let offset = bytes.count
        if last.end > first.start {
            bytes.append(contentsOf: UnsafeBufferPointer(start: storage + first.start, count: last.end - first.start))
        }
        // The fields are made on the stack and appended at once: room is
        // made once, not checked for each field.
        let shift = offset - first.start
        spans.withUnsafeBufferPointer { spans in
            withUnsafeTemporaryAllocation(of: CSVRecordBatch.Field.self, capacity: spans.count) { made in
                for (index, span) in spans.enumerated() {
                    made.initializeElement(
                        at: index,
                        to: CSVRecordBatch.Field(
                            start: Int32(shift + span.start), end: Int32(shift + span.end), doubledQuotes: span.doubledQuotes))
                }
                fields.append(contentsOf: UnsafeBufferPointer(rebasing: made[..<spans.count]))
            }
        }
    }

    /// The next record as spans of the buffer (no Strings made), or nil at the end.
    public func nextSpans() throws(InputError) -> SpanEvent? {
        if !checkedBOM {
            try skipBOM()
            try readSeparatorHint()
        }
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
            case let .record(next, lines):
                let startLine = line
                start = next
                line += lines
                return .record(line: startLine)
            case .malformed(let reason):
                // Resume after the line the bad record started on; when that
                // line's end is not read yet, skip to it across reads.
                let startLine = line
                if let nl = firstNewline(from: start) {
                    start = nl + 1
                    line += 1
                } else {
                    skippingLine = true
                    start = end
                }
                return .malformed(line: startLine, reason: reason)
            }
        }
    }

    private enum Step {
        case needMore
        case done
        case blank(next: Int)
        case record(next: Int, lines: Int)
        case malformed(String)
    }

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// Parses one record starting at `start`, without consuming anything.
    private func parseRecord() -> Step {
        // Work on locals: class properties in a hot loop cost an exclusivity
        // check on every access. The spans array is swapped in and out.
        var spans: [Span] = []
        swap(&spans, &self.spans)
        defer { swap(&spans, &self.spans) }
        let step = parseRecord(into: &spans, b: storage, end: end, eof: eof, d: delimiter!, start: start)
        // A row of empty cells (`;;;;`, what a spreadsheet writes for an empty
        // row) holds nothing, like a blank line. Only a short record can be
        // one: at most `"",` per field and a line break.
        if case .record(let next, _) = step, next - start <= 3 * spans.count + 2, spans.allSatisfy({ $0.start == $0.end }) {
            return .blank(next: next)
        }
        // UTF-8 is checked once over the whole record: its delimiters, quotes
        // and line ends are ASCII, which no multi-byte sequence can span, so
        // the record is UTF-8 exactly when each of its fields is. Checking
        // field by field spent most of the time on the calls for short fields.
        guard case .record(let next, _) = step, !Self.isValidUTF8(storage, from: start, to: next) else { return step }
        let column = spans.firstIndex { !Self.isValidUTF8(storage, from: $0.start, to: $0.end) } ?? spans.count - 1
        let heading = column < header.count && !header[column].isEmpty ? " ('\(header[column])')" : ""
        return .malformed("invalid UTF-8 in column \(column + 1)\(heading)")
    }

    private func parseRecord(
        into spans: inout [Span], b: UnsafeMutablePointer<UInt8>, end: Int, eof: Bool, d: UInt8, start: Int
    ) -> Step {
        var i = start
        if i == end { return eof ? .done : .needMore }
        // A line with nothing on it is no record.
        if b[i] == Self.lf { return .blank(next: i + 1) }
        if b[i] == Self.cr {
            if i + 1 == end { return eof ? .blank(next: i + 1) : .needMore }
            if b[i + 1] == Self.lf { return .blank(next: i + 2) }
        }
        spans.removeAll(keepingCapacity: true)
        var lines = 1
        while true {
            if i < end && b[i] == Self.quote {
                // Quoted field.
                var j = i + 1
                var hasDoubled = false
                var breaks = 0
                while true {
                    let q = Self.find(Self.quote, in: b, from: j, to: end)
                    breaks += Self.count(Self.lf, in: b, from: j, to: q)
                    j = q
                    if j == end {
                        if eof {
                            return .malformed("unterminated quoted field in column \(spans.count + 1)")
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
                spans.append(Span(start: i + 1, end: j, doubledQuotes: hasDoubled))
                lines += breaks
                i = j + 1
                if i == end {
                    return eof ? .record(next: i, lines: lines) : .needMore
                }
                let c = b[i]
                if c == d {
                    i += 1
                    continue
                }
                if c == Self.lf { return .record(next: i + 1, lines: lines) }
                if c == Self.cr {
                    if i + 1 == end && !eof { return .needMore }
                    if i + 1 < end && b[i + 1] == Self.lf {
                        return .record(next: i + 2, lines: lines)
                    }
                    return .record(next: i + 1, lines: lines)
                }
                return .malformed(
                    "unexpected character '\(Character(Unicode.Scalar(c)))' after the closing quote in column \(spans.count)")
            }
            // Unquoted field: up to the delimiter or the end of the line.
            let j = Self.fieldEnd(in: b, from: i, to: end, delimiter: d)
            if j == end && !eof { return .needMore }
            spans.append(Span(start: i, end: j, doubledQuotes: false))
            if j == end { return .record(next: j, lines: lines) }
            let c = b[j]
            if c == d {
                i = j + 1
                continue
            }
            if c == Self.lf { return .record(next: j + 1, lines: lines) }
            // CR
            if j + 1 == end && !eof { return .needMore }
            if j + 1 < end && b[j + 1] == Self.lf { return .record(next: j + 2, lines: lines) }
            return .record(next: j + 1, lines: lines)
        }
    }

    private static func isValidUTF8(_ b: UnsafeMutablePointer<UInt8>, from: Int, to: Int) -> Bool {
        UTF8Validation.isValid(UnsafeBufferPointer(start: b + from, count: to - from))
    }

    /// The index of the first `byte` in `b[from..<to]`, or `to`.
    private static func find(_ byte: UInt8, in b: UnsafeMutablePointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let hit = memchr(b + from, Int32(byte), to - from) else { return to }
        return b.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    private static func count(_ byte: UInt8, in b: UnsafeMutablePointer<UInt8>, from: Int, to: Int) -> Int {
        var n = 0
        var i = find(byte, in: b, from: from, to: to)
        while i < to {
            n += 1
            i = find(byte, in: b, from: i + 1, to: to)
        }
        return n
    }

    /// The end of an unquoted field: the first delimiter, CR or LF, or `to`.
    /// Eight bytes at a time: a word has one of the three bytes when the
    /// "has a zero byte" test is true for the word xor-ed with that byte.
    /// The test's lowest flag is always the first such byte (a false flag
    /// can only follow a true one), so the word's first match is its place.
    private static func fieldEnd(in b: UnsafeMutablePointer<UInt8>, from: Int, to: Int, delimiter: UInt8) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let dd = ones &* UInt64(delimiter)
        let lf = ones &* UInt64(Self.lf)
        let cr = ones &* UInt64(Self.cr)
        var i = from
        while to - i >= 8 {
            // Bytes in memory order: the first is the word's lowest on a little-endian machine.
            let w = UInt64(littleEndian: UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self))
            let x = w ^ dd, y = w ^ lf, z = w ^ cr
            let found = ((x &- ones) & ~x | (y &- ones) & ~y | (z &- ones) & ~z) & highs
            if found != 0 { return i + found.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < to {
            let c = b[i]
            if c == delimiter || c == Self.lf || c == Self.cr { return i }
            i += 1
        }
        return to
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

    /// Excel's first line `sep=;` names the delimiter (German Excel reads
    /// and some tools write it); it is no record, and the header follows.
    private func readSeparatorHint() throws(InputError) {
        while end - start < 8 && !eof { try fill() }
        guard end - start >= 5 else { return }
        let word = (0..<4).map { storage[start + $0] | 0x20 }
        guard word == Array("sep=".utf8) else { return }
        let named = storage[start + 4]
        guard named == UInt8(ascii: "\t") || (named > 0x20 && named < 0x7F && named != Self.quote) else { return }
        var next = start + 5
        if next < end && storage[next] == Self.cr { next += 1 }
        if next < end {
            guard storage[next] == Self.lf else { return }
            next += 1
        } else if !eof {
            return
        }
        if delimiter == nil { delimiter = named }
        start = next
        line += 1
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
