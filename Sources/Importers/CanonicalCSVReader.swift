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

/// A column of a canonical CSV file: a canonical field, or an extra by its name.
enum CanonicalColumn: Sendable {
    case field(CanonicalField)
    case extra(String)
}

/// Turns canonical CSV records into accounts, by the file's header.
struct CanonicalRecordDecoder: CSVRecordDecoder {
    let path: String
    let columns: [CanonicalColumn]

    func item(line: Int, fields: Range<Int>, in batch: CSVRecordBatch) -> ImportItem? {
        let source = SourceReference(file: path, line: line)
        guard fields.count == columns.count else {
            return .reject(Reject(
                source: source, reason: "expected \(columns.count) fields as in the header, found \(fields.count)"))
        }
        // The account is made inside one closure and returned from it, so it
        // is moved into the item, not copied.
        let read: Result<MailAccount, FieldValueError> = batch.withBytes { all in
            var account = MailAccount()
            for (column, index) in zip(columns, fields) {
                switch column {
                case .field(let field):
                    do throws(FieldValueError) {
                        if let bytes = batch.rawField(index, in: all) {
                            try field.assign(utf8: bytes, to: &account)
                        } else {
                            try field.assign(batch.field(index, in: all) { String(decoding: $0, as: UTF8.self) }, to: &account)
                        }
                    } catch {
                        return .failure(error)
                    }
                case .extra(let name):
                    let text = batch.field(index, in: all) { String(decoding: $0, as: UTF8.self) }
                    if !text.isEmpty { account.extras.append(ExtraField(name: name, value: text)) }
                }
            }
            return .success(account)
        }
        var account: MailAccount
        switch consume read {
        case .success(let read): account = read
        case .failure(let failure):
            return .reject(Reject(source: source, reason: reason(for: failure, fields: fields, in: batch)))
        }
        if account.identity.origin.isEmpty { account.identity.origin = source.description }
        return .account(account, source)
    }

    /// The reject reason for a value of the wrong kind. It quotes the value
    /// only when the row holds no password: in a row whose columns were
    /// shifted, the value could be the password, which must not reach a report.
    private func reason(for failure: FieldValueError, fields: Range<Int>, in batch: CSVRecordBatch) -> String {
        for (column, index) in zip(columns, fields) {
            switch column {
            case .field(let field) where field.kind == .secret: break
            case .extra(let name) where ExtraField.namesSecret(name): break
            default: continue
            }
            if batch.withField(index, { !$0.isEmpty }) {
                return "\(failure.field): expected \(failure.expected) (value not shown: the row holds a password)"
            }
        }
        return failure.description
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
