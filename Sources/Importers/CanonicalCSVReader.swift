import MailModel

/// Reads canonical CSV: a header of canonical field names (`CanonicalField`),
/// then one account per record. Columns may come in any order and may be left
/// out; a column with another name is kept in the account's extras.
///
/// A record with the wrong number of fields, broken quoting or a value of the
/// wrong kind (a port that is not a number) is rejected with its line. A
/// value that reads but is wrong (port 70000, an unknown security word) is
/// kept as it is, for validation to judge: this reader never corrects.
public final class CanonicalCSVReader: BatchingAccountReader {
    private let records: CSVRecordReader
    private let path: String
    private var columns: [CanonicalColumn] = []
    private var headerRead = false
    private var decoded = DecodedItems()

    /// A reader on records whose header row was already read (`CSVSource` reads it to choose the layout).
    init(records: CSVRecordReader, path: String, header: (line: Int, names: [String])) throws(InputError) {
        self.records = records
        self.path = path
        headerRead = true
        try applyHeader(line: header.line, names: header.names)
    }

    public init(stream: ByteStream, path: String? = nil) {
        records = CSVRecordReader(stream: stream)
        self.path = path ?? stream.name
    }

    public func next() throws(InputError) -> ImportItem? {
        try decoded.next(from: self)
    }

    public func nextBatch(limit: Int) throws(InputError) -> UndecodedBatch? {
        if !headerRead { try readHeader() }
        var batch = CSVRecordBatch(capacity: limit)
        try batch.cut(from: records, limit: limit)
        guard batch.count > 0 else { return nil }
        return UndecodedBatch(UndecodedCSVRecords(batch: batch, decoder: CanonicalRecordDecoder(path: path, columns: columns)))
    }

    private func readHeader() throws(InputError) {
        headerRead = true
        guard let event = try records.next() else {
            throw .invalidHeader(path: path, line: 1, reason: "empty file: expected a header of canonical field names")
        }
        switch event {
        case let .malformed(line, reason):
            throw .invalidHeader(path: path, line: line, reason: "unreadable header: \(reason)")
        case let .record(line, names):
            records.header = names
            try applyHeader(line: line, names: names)
        }
    }

    private func applyHeader(line: Int, names: [String]) throws(InputError) {
        do {
            var seen = Set<String>()
            var known = 0
            for raw in names {
                let name = raw.trimmingSpaces()
                guard seen.insert(name).inserted else {
                    throw .invalidHeader(path: path, line: line, reason: "column '\(name)' appears twice in the header")
                }
                if let field = CanonicalField(rawValue: name) {
                    columns.append(.field(field))
                    known += 1
                } else {
                    columns.append(.extra(name))
                }
            }
            guard known > 0 else {
                throw .invalidHeader(
                    path: path, line: line,
                    reason: "no canonical field names in the header (found: \(names.prefix(8).joined(separator: ", ")))")
            }
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
