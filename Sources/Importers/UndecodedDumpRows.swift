import MailModel
import Mappings

/// Rows of a dump as the reader hands them on: `emailbackup` rows with
/// their values as read, packed into one buffer, to become accounts on
/// whichever thread decodes the batch; everything else already an item.
struct UndecodedDumpRows: UndecodedRecords {
    enum Entry: Sendable {
        case item(ImportItem)
        /// `positions`: where each mapping column is among `names`;
        /// `values`: the row's values in `UndecodedDumpRows.values`.
        case emailbackup(names: [String], positions: [Int?], values: Range<Int>, line: Int)
    }

    /// A value's place in `bytes`, and what it was in the dump.
    struct PackedValue: Sendable {
        enum Kind: UInt8, Sendable { case null, number, text }
        var start: Int32
        var end: Int32
        var kind: Kind
    }

    let path: String
    let includeDeleted: Bool
    /// Where the row's `id` is among the mapping's columns, for its position in messages.
    private static let idIndex = EmailbackupMapping.columns.firstIndex { $0.name == "id" }
    private(set) var entries: [Entry] = []
    /// The values of every row, one after the other: one buffer for the
    /// whole batch instead of an array per value, made and freed on one thread.
    private var bytes: [UInt8] = []
    private var values: [PackedValue] = []

    var count: Int { entries.count }
    /// The memory the batch takes, roughly.
    var byteCount: Int { bytes.count + values.count * MemoryLayout<PackedValue>.stride }

    /// Room for `capacity` rows of about a kilobyte is made at once: a buffer
    /// grown by doubling would be copied several times per batch, and the
    /// memory it leaves behind made the run's peak grow with its length.
    init(path: String, includeDeleted: Bool, capacity: Int) {
        self.path = path
        self.includeDeleted = includeDeleted
        bytes.reserveCapacity(min(capacity * 1024, undecodedBatchBytes))
        values.reserveCapacity(capacity * EmailbackupMapping.columns.count)
        entries.reserveCapacity(capacity)
    }

    mutating func append(_ item: ImportItem) { entries.append(.item(item)) }

    mutating func appendRow(names: [String], positions: [Int?], values row: [SQLValue], line: Int) {
        let first = values.count
        for value in row {
            let start = Int32(bytes.count)
            let kind: PackedValue.Kind
            switch value {
            case .null: kind = .null
            case .number(let text):
                bytes.append(contentsOf: text.utf8)
                kind = .number
            case .string(let raw), .hex(let raw):
                bytes.append(contentsOf: raw)
                kind = .text
            }
            values.append(PackedValue(start: start, end: Int32(bytes.count), kind: kind))
        }
        entries.append(.emailbackup(names: names, positions: positions, values: first..<values.count, line: line))
    }

    func decode(_ body: (consuming ImportItem) -> Void) {
        for entry in entries {
            switch entry {
            case .item(let item): body(item)
            case let .emailbackup(names, positions, range, line):
                // Straight into the mapping's column order: only the values it
                // reads become Strings, but every text value must be UTF-8.
                var columns = [String??](repeating: nil, count: positions.count)
                var invalid: Int?
                bytes.withUnsafeBufferPointer { all in
                    func text(_ value: PackedValue) -> UnsafeBufferPointer<UInt8> {
                        UnsafeBufferPointer(rebasing: all[Int(value.start)..<Int(value.end)])
                    }
                    for (column, index) in range.enumerated()
                    where values[index].kind == .text && !UTF8Validation.isValid(text(values[index])) {
                        invalid = column
                        break
                    }
                    for (mappingIndex, position) in positions.enumerated() {
                        guard let position else { continue }
                        let value = values[range.lowerBound + position]
                        columns[mappingIndex] = .some(value.kind == .null ? nil : String(decoding: text(value), as: UTF8.self))
                    }
                }
                let table = EmailbackupMapping.table
                let id = Self.idIndex.flatMap { columns[$0] } ?? nil
                let source = OpenXERowCollector.source(file: path, line: line, table: table, id: id)
                if let invalid {
                    body(.reject(Reject(source: source, reason: "column \(names[invalid]) is not valid UTF-8")))
                    continue
                }
                body(OpenXERowCollector.account(columns: columns, source: source, includeDeleted: includeDeleted))
            }
        }
    }
}
