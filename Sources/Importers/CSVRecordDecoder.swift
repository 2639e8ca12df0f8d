import MailModel

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
    /// The item of one record; nil for a line that holds none (a comment, a
    /// blank line). `all` is the batch's bytes (`CSVRecordBatch.withBytes`).
    func item(line: Int, fields: Range<Int>, in batch: CSVRecordBatch, all: UnsafeBufferPointer<UInt8>) -> ImportItem?
    /// What to tell of a record that could not be read.
    func explain(_ reason: String) -> String
}

extension CSVRecordDecoder {
    func decode(_ batch: CSVRecordBatch, _ body: (consuming ImportItem) -> Void) {
        batch.withBytes { all in
            for entry in batch.entries {
                switch entry {
                case let .malformed(line, reason):
                    body(.reject(Reject(source: SourceReference(file: path, line: line), reason: explain(reason))))
                case let .record(line, fields):
                    if let item = item(line: line, fields: fields, in: batch, all: all) { body(item) }
                }
            }
        }
    }

    func explain(_ reason: String) -> String { reason }
}
