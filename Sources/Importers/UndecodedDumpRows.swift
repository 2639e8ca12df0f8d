import MailModel
import Mappings

/// Rows of a dump as the reader hands them on: `emailbackup` rows with
/// their values as read, packed into one buffer, to become accounts on
/// whichever thread decodes the batch; everything else already an item.
struct UndecodedDumpRows: UndecodedRecords {
    enum Entry: Sendable {
        /// Boxed: an item holds a whole account (near 800 bytes), and an
        /// enum is as large as its largest case, so every row of the batch
        /// took that much and was copied at that size when the batch was
        /// walked, though nearly all are `emailbackup` rows.
        indirect case item(ImportItem)
        /// `layout`: where each mapping column is among `names`;
        /// `values`: the row's values in `UndecodedDumpRows.values`.
        case emailbackup(names: [String], layout: EmailbackupColumnLayout, values: Range<Int>, line: Int)
    }

    let path: String
    let includeDeleted: Bool
    /// The dump's character set (its `SET NAMES`) once the batch was cut.
    var characterSet = DumpCharacterSet.utf8
    /// Where the row's `id` is among the mapping's columns, for its position in messages.
    private static let idIndex = EmailbackupMapping.columns.firstIndex { $0.name == "id" }
    private(set) var entries: [Entry] = []
    /// The values of every row, one after the other, as the tokenizer wrote
    /// them: one buffer for the whole batch instead of an array per value.
    var packed: PackedDumpValues

    var count: Int { entries.count }
    /// The memory the batch takes, roughly.
    var byteCount: Int { packed.byteCount }

    /// Room for `capacity` rows of about a kilobyte is made at once: a buffer
    /// grown by doubling would be copied several times per batch, and the
    /// memory it leaves behind made the run's peak grow with its length.
    init(path: String, includeDeleted: Bool, capacity: Int) {
        self.path = path
        self.includeDeleted = includeDeleted
        packed = PackedDumpValues(
            rows: capacity, columns: EmailbackupMapping.columns.count, bytes: min(capacity * 1024, undecodedBatchBytes))
        entries.reserveCapacity(capacity)
    }

    mutating func append(_ item: ImportItem) { entries.append(.item(item)) }

    /// An `emailbackup` row whose values are `values` of `packed`.
    mutating func appendRow(names: [String], layout: EmailbackupColumnLayout, values: Range<Int>, line: Int) {
        entries.append(.emailbackup(names: names, layout: layout, values: values, line: line))
    }

    func decode(_ body: (consuming ImportItem) -> Void) {
        let values = packed.values
        for entry in entries {
            switch entry {
            case .item(let item): body(item)
            case let .emailbackup(names, layout, range, line):
                let positions = layout.positions
                // Straight into the mapping's column order, as the UTF-8 the
                // tokenizer wrote; but every text value must be UTF-8.
                let item = packed.valueBytes.withUnsafeBufferPointer { all in
                    func text(_ value: PackedDumpValues.Value) -> UnsafeBufferPointer<UInt8> {
                        PackedDumpValues.bytes(of: value, in: all)
                    }
                    let columns = UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>??>.allocate(capacity: positions.count)
                    columns.initialize(repeating: nil)
                    defer { columns.deallocate() }
                    for (mappingIndex, position) in positions.enumerated() {
                        guard let position else { continue }
                        let value = values[range.lowerBound + position]
                        columns[mappingIndex] = .some(value.kind == .null ? nil : text(value))
                    }
                    let id = Self.idIndex.flatMap { columns[$0] }?.map { String(decoding: $0, as: UTF8.self) }
                    let source = OpenXERowCollector.source(file: path, line: line, table: EmailbackupMapping.table, id: id)
                    if !Self.isUTF8(values[range], in: all) {
                        // Not all UTF-8: in a latin1 dump the row's values become texts one by one.
                        var texts: [String?] = []
                        for (column, index) in range.enumerated() {
                            guard values[index].kind != .null else {
                                texts.append(nil)
                                continue
                            }
                            guard let converted = characterSet.text(text(values[index])) else {
                                return ImportItem.reject(Reject(source: source, reason: "column \(names[column]) \(DumpError.notUTF8)"))
                            }
                            texts.append(converted)
                        }
                        return OpenXERowCollector.account(
                            positions: positions, values: texts, source: source, includeDeleted: includeDeleted,
                            extras: layout.unmapped.compactMap { index in texts[index].map { ExtraField(name: names[index], value: $0) } })
                    }
                    var extras: [ExtraField] = []
                    for index in layout.unmapped where values[range.lowerBound + index].kind != .null {
                        extras.append(ExtraField(name: names[index], value: String(decoding: text(values[range.lowerBound + index]), as: UTF8.self)))
                    }
                    return OpenXERowCollector.account(
                        utf8: UnsafeBufferPointer(columns), source: source, includeDeleted: includeDeleted, extras: extras)
                }
                body(item)
            }
        }
    }

    /// Whether each value of a row is UTF-8, in one pass over the row's
    /// bytes (its values lie one after the other): the bytes are UTF-8 and
    /// no value starts with a continuation byte, so that no sequence spans
    /// two values. Checking value by value spent most of its time on the
    /// calls for short values (a row has 42).
    static func isUTF8(_ row: ArraySlice<PackedDumpValues.Value>, in all: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = row.first, let last = row.last else { return true }
        for value in row where value.end > value.start && all[Int(value.start)] & 0xC0 == 0x80 { return false }
        return UTF8Validation.isValid(UnsafeBufferPointer(rebasing: all[Int(first.start)..<Int(last.end)]))
    }
}
