/// A row's values as `SQLValue`s, each with its own bytes. The bytes are
/// read into a scratch buffer that every value reuses (the reader keeps it
/// from row to row): a number then costs no allocation (it becomes a small
/// String), a string one array of its size.
struct SQLValueList: DumpValueSink {
    var values: [SQLValue] = []
    var valueBytes: [UInt8] = []
    private var start = 0

    /// `scratch` is emptied once here, not for every value.
    init(capacity: Int, scratch: consuming [UInt8]) {
        values.reserveCapacity(capacity)
        valueBytes = scratch
        valueBytes.removeAll(keepingCapacity: true)
    }

    mutating func beginValue() { start = valueBytes.count }

    mutating func endValue(_ kind: DumpValueKind) {
        let bytes = valueBytes[start...]
        switch kind {
        case .null: values.append(.null)
        case .number: values.append(.number(String(decoding: bytes, as: UTF8.self)))
        case .text: values.append(.string(Array(bytes)))
        case .hex: values.append(.hex(Array(bytes)))
        }
    }
}
