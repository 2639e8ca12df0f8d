/// The values of many dump rows, one after the other in one buffer: the
/// tokenizer writes them straight in, so a row costs no array per value
/// (an `emailbackup` row has 42), and the whole batch is one allocation
/// made and freed on one thread each.
struct PackedDumpValues: DumpValueSink, Sendable {
    /// A value's place in `valueBytes`, and what it was in the dump.
    struct Value: Sendable {
        var start: Int32
        var end: Int32
        var kind: DumpValueKind
    }

    private(set) var values: [Value] = []
    var valueBytes: [UInt8] = []
    private var start = 0

    init() {}

    /// Room for `rows` rows of `columns` values and `bytes` bytes at once: a
    /// buffer grown by doubling would be copied several times per batch.
    init(rows: Int, columns: Int, bytes: Int) {
        values.reserveCapacity(rows * columns)
        valueBytes.reserveCapacity(bytes)
    }

    /// The memory the values take, roughly.
    var byteCount: Int { valueBytes.count + values.count * MemoryLayout<Value>.stride }

    mutating func beginValue() { start = valueBytes.count }

    mutating func endValue(_ kind: DumpValueKind) {
        values.append(Value(start: Int32(start), end: Int32(valueBytes.count), kind: kind))
    }

    /// The values of `range` as `SQLValue`s (for a row the importer cannot
    /// decode as packed: one whose column count does not match).
    func sqlValues(_ range: Range<Int>) -> [SQLValue] {
        values[range].map { value in
            let bytes = Array(valueBytes[Int(value.start)..<Int(value.end)])
            return switch value.kind {
            case .null: .null
            case .number: .number(String(decoding: bytes, as: UTF8.self))
            case .text: .string(bytes)
            case .hex: .hex(bytes)
            }
        }
    }

    /// Forgets the values from `index` on, and their bytes.
    mutating func removeValues(from index: Int) {
        guard index < values.count else { return }
        valueBytes.removeSubrange(Int(values[index].start)...)
        values.removeSubrange(index...)
    }

    /// The bytes of a value, with every byte of the batch at hand.
    static func bytes(of value: Value, in all: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: all[Int(value.start)..<Int(value.end)])
    }
}
