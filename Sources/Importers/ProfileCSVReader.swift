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
    /// profile, whose first record is `firstRecord`. Two header cells for one
    /// column of the profile (or one extra name twice) are an error: one of
    /// them would be lost without a word.
    init(records: CSVRecordReader, path: String, codec: ProfileCodec, encoding: TextEncoding, header: (line: Int, cells: [String])?,
         firstRecord: (line: Int, fields: [String])?) throws(InputError) {
        self.records = records
        var layout: [ProfileRecordDecoder.Slot] = []
        if let header {
            var cellOfColumn: [Int: String] = [:]
            var extras = Set<String>()
            for cell in header.cells {
                let name = cell.trimmingSpaces()
                if let column = codec.profile.columnIndex(forHeader: cell) {
                    if let earlier = cellOfColumn[column] {
                        throw .invalidHeader(
                            path: path, line: header.line,
                            reason: earlier == name
                                ? "column '\(name)' appears twice in the header"
                                : "columns '\(earlier)' and '\(name)' are the same column of profile \(codec.profile.name)")
                    }
                    cellOfColumn[column] = name
                    layout.append(.column(column))
                } else {
                    guard extras.insert(name).inserted else {
                        throw .invalidHeader(path: path, line: header.line, reason: "column '\(name)' appears twice in the header")
                    }
                    layout.append(.extra(name))
                }
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
