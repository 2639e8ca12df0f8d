/// CSV records cut from the input but not yet turned into accounts: the
/// bytes of up to a few hundred records in one buffer, with where each
/// field is. Cutting records must go in file order on one thread; turning
/// them into accounts need not, and a batch crosses to another thread as
/// three allocations, whatever its number of records and fields.
public struct CSVRecordBatch: Sendable {
    /// One record of the batch, or a record that could not be read.
    public enum Entry: Sendable {
        /// `fields`: the record's field indices in the batch.
        case record(line: Int, fields: Range<Int>)
        case malformed(line: Int, reason: String)
    }

    /// Where a field's text is in `bytes`. A quoted field that holds `""`
    /// is kept as in the file and unescaped when it is read (seldom).
    struct Field: Sendable {
        var start: Int32
        var end: Int32
        var doubledQuotes: Bool
    }

    /// The records as they stand in the file, quotes and delimiters included.
    private var bytes: [UInt8] = []
    private var fields: [Field] = []
    public private(set) var entries: [Entry] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity * 1024)
        fields.reserveCapacity(capacity * 64)
        entries.reserveCapacity(capacity)
    }

    var count: Int { entries.count }

    /// The size of the records' bytes.
    var byteCount: Int { bytes.count }

    /// Cuts records from `reader` until the batch holds `limit` of them, or
    /// about a megabyte, or the input ends.
    mutating func cut(from reader: CSVRecordReader, limit: Int) throws(InputError) {
        while count < limit, byteCount < undecodedBatchBytes, let event = try reader.nextSpans() {
            switch event {
            case let .malformed(line, reason): appendMalformed(line: line, reason: reason)
            case let .record(line): appendRecord(line: line, from: reader)
            }
        }
    }

    /// Copies the record `reader.nextSpans()` just returned.
    mutating func appendRecord(line: Int, from reader: CSVRecordReader) {
        let first = fields.count
        reader.copyRecord(to: &bytes, fields: &fields)
        entries.append(.record(line: line, fields: first..<fields.count))
    }

    /// A record already read as texts (the first one of a headerless file).
    mutating func appendRecord(line: Int, fields texts: [String]) {
        let first = fields.count
        for text in texts {
            let start = Int32(bytes.count)
            bytes.append(contentsOf: text.utf8)
            fields.append(Field(start: start, end: Int32(bytes.count), doubledQuotes: false))
        }
        entries.append(.record(line: line, fields: first..<fields.count))
    }

    mutating func appendMalformed(line: Int, reason: String) {
        entries.append(.malformed(line: line, reason: reason))
    }

    /// Calls `body` with the UTF-8 of field `index` (a batch-wide index from an entry's `fields`).
    public func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { all in field(index, in: all, body) }
    }

    /// Calls `body` with all the batch's bytes, to read fields from with `field(_:in:_:)`
    /// (one buffer access for a whole record).
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer(body)
    }

    /// Field `index` of `all` (from `withBytes`) as it stands, or nil when
    /// it holds doubled quotes and must be read with `field(_:in:_:)`.
    public func rawField(_ index: Int, in all: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        let field = fields[index]
        return field.doubledQuotes ? nil : UnsafeBufferPointer(rebasing: all[Int(field.start)..<Int(field.end)])
    }

    /// The size of field `index` as it stands in the batch: room enough for
    /// it unescaped.
    func storedCount(_ index: Int) -> Int { Int(fields[index].end - fields[index].start) }

    /// Field `index` of `all` (from `withBytes`), quotes unescaped, written
    /// at `target` (room for `storedCount(index)` bytes); returns its size.
    func unescape(_ index: Int, in all: UnsafeBufferPointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) -> Int {
        let field = fields[index]
        var count = 0
        var k = Int(field.start)
        while k < Int(field.end) {
            target[count] = all[k]
            count += 1
            k += field.doubledQuotes && all[k] == UInt8(ascii: "\"") ? 2 : 1
        }
        return count
    }

    /// Field `index` of `all` (from `withBytes`), quotes unescaped.
    public func field<R>(_ index: Int, in all: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let field = fields[index]
        let text = UnsafeBufferPointer(rebasing: all[Int(field.start)..<Int(field.end)])
        guard field.doubledQuotes else { return body(text) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: text.count) { buffer in
            let count = unescape(index, in: all, to: buffer.baseAddress!)
            return body(UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// Field `index` as text.
    public func text(_ index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }
}
