/// CSV records cut from the input but not yet turned into accounts: the
/// unquoted bytes of every field of up to a few hundred records in one
/// buffer. Cutting records must go in file order on one thread; turning
/// them into accounts need not, and a batch crosses to another thread as
/// three allocations, whatever its number of records and fields.
public struct CSVRecordBatch: Sendable {
    /// One record of the batch, or a record that could not be read.
    public enum Entry: Sendable {
        /// `fields`: the record's field indices in the batch.
        case record(line: Int, fields: Range<Int>)
        case malformed(line: Int, reason: String)
    }

    private var bytes: [UInt8] = []
    /// The end offset in `bytes` of each field.
    private var fieldEnds: [Int32] = []
    public private(set) var entries: [Entry] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity * 512)
        fieldEnds.reserveCapacity(capacity * 32)
        entries.reserveCapacity(capacity)
    }

    var count: Int { entries.count }

    /// Copies the record `reader.nextSpans()` just returned.
    mutating func appendRecord(line: Int, from reader: CSVRecordReader) {
        let first = fieldEnds.count
        for index in 0..<reader.fieldCount {
            reader.withField(index) { field in
                guard let base = field.baseAddress, !field.isEmpty else { return }
                let at = bytes.count
                bytes.append(contentsOf: repeatElement(0, count: field.count))
                bytes.withUnsafeMutableBufferPointer { $0.baseAddress!.advanced(by: at).update(from: base, count: field.count) }
            }
            fieldEnds.append(Int32(bytes.count))
        }
        entries.append(.record(line: line, fields: first..<fieldEnds.count))
    }

    /// A record already read as texts (the first one of a headerless file).
    mutating func appendRecord(line: Int, fields: [String]) {
        let first = fieldEnds.count
        for field in fields {
            bytes.append(contentsOf: field.utf8)
            fieldEnds.append(Int32(bytes.count))
        }
        entries.append(.record(line: line, fields: first..<fieldEnds.count))
    }

    mutating func appendMalformed(line: Int, reason: String) {
        entries.append(.malformed(line: line, reason: reason))
    }

    /// Calls `body` with the UTF-8 of field `index` (a batch-wide index from an entry's `fields`).
    public func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = index == 0 ? 0 : Int(fieldEnds[index - 1])
        let end = Int(fieldEnds[index])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Field `index` as text.
    public func text(_ index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }
}
