import MailModel
import Mappings

/// Reads a CSV file in a system's layout (a `MappingProfile`): each record
/// through the profile's table into an account. Header columns the profile
/// does not know are kept as extras. A record with the wrong number of
/// fields, broken quoting, bytes that are not in the file's encoding or a
/// value the profile cannot read is a reject with its line; reading goes on.
public final class ProfileCSVReader: BatchingAccountReader {
    private let records: CSVRecordReader
    private let decoder: ProfileRecordDecoder
    private var pendingFirst: (line: Int, fields: [String])?
    private var decoded = DecodedItems()

    /// `header`: the header row already read (line, cells); nil for a headerless
    /// profile, whose first record is `firstRecord`.
    init(records: CSVRecordReader, path: String, codec: ProfileCodec, encoding: TextEncoding, header: [String]?,
         firstRecord: (line: Int, fields: [String])?) {
        self.records = records
        let layout: [ProfileRecordDecoder.Slot]
        if let header {
            layout = header.map { cell in
                codec.profile.columnIndex(forHeader: cell).map(ProfileRecordDecoder.Slot.column) ?? .extra(cell.trimmingSpaces())
            }
        } else {
            layout = codec.profile.columns.indices.map(ProfileRecordDecoder.Slot.column)
            pendingFirst = firstRecord
        }
        decoder = ProfileRecordDecoder(path: path, codec: codec, encoding: encoding, layout: layout)
    }

    public func next() throws(InputError) -> ImportItem? {
        try decoded.next(from: self)
    }

    public func nextBatch(limit: Int) throws(InputError) -> UndecodedBatch? {
        var batch = CSVRecordBatch(capacity: limit)
        if let first = pendingFirst {
            pendingFirst = nil
            batch.appendRecord(line: first.line, fields: first.fields)
        }
        try batch.cut(from: records, limit: limit)
        guard batch.count > 0 else { return nil }
        return UndecodedBatch(UndecodedCSVRecords(batch: batch, decoder: decoder))
    }
}
