import MailModel

/// A reader whose records are cut from the input on one thread and turned
/// into accounts on others: `run` reads CSV this way (see its pipeline), as
/// cutting must go in file order and turning records into accounts, the
/// larger part of the work, need not. `next()` gives the same items one at
/// a time.
public protocol BatchingAccountReader: AccountReader {
    /// Up to `limit` records cut from the input, with what turns them into
    /// items; nil at the end.
    func nextBatch(limit: Int) throws(InputError) -> UndecodedBatch?
}

/// How many bytes of records a batch holds at most (it ends early at this
/// size): with long signatures in every row, a batch of the usual number of
/// records would keep megabytes in every queue slot.
let undecodedBatchBytes = 1 << 20

/// Records read but not yet turned into items, and what turns them.
public struct UndecodedBatch: Sendable {
    let records: any UndecodedRecords

    init(_ records: any UndecodedRecords) { self.records = records }

    /// The number of records (and so of items, but for blank and comment lines).
    public var count: Int { records.count }

    /// Hands each of the batch's items to `body`, in input order; on any thread.
    public func decode(_ body: (consuming ImportItem) -> Void) {
        records.decode(body)
    }

    /// The batch's items, in input order.
    public func decode() -> [ImportItem] {
        var items: [ImportItem] = []
        items.reserveCapacity(records.count)
        records.decode { items.append($0) }
        return items
    }
}

/// One format's records in a batch, able to turn themselves into items.
protocol UndecodedRecords: Sendable {
    var count: Int { get }
    func decode(_ body: (consuming ImportItem) -> Void)
}

/// Records cut from a CSV file, with the layout its header gave.
struct UndecodedCSVRecords: UndecodedRecords {
    let batch: CSVRecordBatch
    let decoder: any CSVRecordDecoder

    var count: Int { batch.count }

    func decode(_ body: (consuming ImportItem) -> Void) {
        decoder.decode(batch, body)
    }
}

/// Turns a file's cut records into items, by the layout its header gave.
protocol CSVRecordDecoder: Sendable {
    /// The file, for the items' positions.
    var path: String { get }
    /// The item of one record; nil for a line that holds none (a comment, a blank line).
    func item(line: Int, fields: Range<Int>, in batch: CSVRecordBatch) -> ImportItem?
    /// What to tell of a record that could not be read.
    func explain(_ reason: String) -> String
}

extension CSVRecordDecoder {
    func decode(_ batch: CSVRecordBatch, _ body: (consuming ImportItem) -> Void) {
        for entry in batch.entries {
            switch entry {
            case let .malformed(line, reason):
                body(.reject(Reject(source: SourceReference(file: path, line: line), reason: explain(reason))))
            case let .record(line, fields):
                if let item = item(line: line, fields: fields, in: batch) { body(item) }
            }
        }
    }

    func explain(_ reason: String) -> String { reason }
}

/// `next()` for a batching reader: decodes a small batch at a time.
struct DecodedItems {
    private var items: [ImportItem] = []
    private var index = 0

    mutating func next(from reader: BatchingAccountReader) throws(InputError) -> ImportItem? {
        while index == items.count {
            guard let batch = try reader.nextBatch(limit: 64) else { return nil }
            items = batch.decode()
            index = 0
        }
        defer { index += 1 }
        return items[index]
    }
}
