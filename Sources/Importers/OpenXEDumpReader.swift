import MailModel
import Mappings

/// Reads the mail accounts of an OpenXE/Xentral database dump (mysqldump
/// output, plain or gzip): every `emailbackup` row through
/// `EmailbackupMapping`, then the company's default sending account from
/// `firmendaten` and `firmendaten_werte` (`DefaultAccountMapping`).
///
/// Rows with `geloescht = 1` are soft-deleted in OpenXE: they are handed on
/// as `skipped` (counted, not imported) unless `includeDeleted` is set. Every
/// position is `file:line (table id=N)`.
public final class OpenXEDumpReader: BatchingAccountReader {
    private let dump: MySQLDumpReader
    private let path: String
    private let includeDeleted: Bool
    /// Column names of each table from its `CREATE TABLE`.
    private var tableColumns: [String: [String]] = [:]
    private var collector = OpenXERowCollector()
    private var finished = false
    private var companyWithoutColumns = false
    /// Where the dump broke off, when it did.
    private var brokenAt: Reject?
    private var defaultAccountHandedOn = false
    private var decoded = DecodedItems()

    /// OpenXE's column order of the tables whose order is documented, for
    /// INSERTs without a column list in a dump without CREATE TABLE.
    static let documentedColumns: [String: [String]] = [
        EmailbackupMapping.table: EmailbackupMapping.columns.map(\.name),
        DefaultAccountMapping.valuesTable: [
            "id", "name", "typ", "typ1", "typ2", "wert", "default_value", "default_null", "darf_null",
        ],
    ]

    public init(stream: ByteStream, path: String? = nil, includeDeleted: Bool = false) {
        dump = MySQLDumpReader(
            stream: stream,
            tables: OpenXERowCollector.tables)
        self.path = path ?? stream.name
        self.includeDeleted = includeDeleted
    }

    public func next() throws(InputError) -> ImportItem? {
        try decoded.next(from: self)
    }

    /// Up to `limit` rows: `emailbackup` rows as read (their values become an
    /// account when the batch is decoded, on any thread), everything else
    /// (rejects, the default account at the end) as items already.
    public func nextBatch(limit: Int) throws(InputError) -> UndecodedBatch? {
        var batch = UndecodedDumpRows(path: path, includeDeleted: includeDeleted, capacity: limit)
        while batch.count < limit, batch.byteCount < undecodedBatchBytes, let entry = nextEntry(packingInto: &batch.packed) {
            switch entry {
            case .item(let item): batch.append(item)
            case let .row(names, layout, values, line):
                batch.appendRow(names: names, layout: layout, values: values, line: line)
            }
        }
        // mysqldump sets the character set once, before any data.
        batch.characterSet = DumpCharacterSet(named: dump.characterSet)
        return batch.count > 0 ? UndecodedBatch(batch) : nil
    }

    /// What the reader found next: an item, or an `emailbackup` row to decode
    /// later, whose values the tokenizer put into the batch's buffer.
    private enum Found {
        /// Boxed, as `UndecodedDumpRows.Entry.item`: each row found is returned by value.
        indirect case item(ImportItem)
        case row(names: [String], layout: EmailbackupColumnLayout, values: Range<Int>, line: Int)
    }

    private func nextEntry(packingInto packed: inout PackedDumpValues) -> Found? {
        if brokenAt != nil, !defaultAccountHandedOn {
            defaultAccountHandedOn = true
            if let item = collector.defaultAccount(path: path) { return .item(item) }
        }
        while !finished {
            let step: MySQLDumpReader.Step?
            do {
                step = try dump.next(packing: EmailbackupMapping.table, into: &packed)
            } catch {
                // The rest of the file cannot be read; what was read stays,
                // and the break is a reject the run counts.
                brokenAt = Reject(
                    source: SourceReference(file: path, line: error.line, detail: "byte \(error.offset)"),
                    reason: "\(error.message); the rest of the file cannot be read")
                finished = true
                return .item(.reject(brokenAt!))
            }
            switch step {
            case nil:
                finished = true
                defaultAccountHandedOn = true
                return collector.defaultAccount(path: path).map(Found.item)
            case let .event(.table(name, columns, _)):
                tableColumns[name] = columns
            case let .event(.row(table, columns, values, line)):
                if let item = row(table: table, columns: columns, values: values, line: line) { return .item(item) }
            case let .packedRow(table, columns, values, line):
                let names = columns ?? tableColumns[table] ?? Self.documentedColumns[table]
                if let names, names.count == values.count {
                    return .row(names: names, layout: collector.columnLayout(for: names), values: values, line: line)
                }
                // Not as many values as columns: the row's position and reject
                // need its values one by one.
                let unpacked = packed.sqlValues(values)
                packed.removeValues(from: values.lowerBound)
                if let item = row(table: table, columns: columns, values: unpacked, line: line) { return .item(item) }
            }
        }
        return nil
    }

    private func row(table: String, columns: [String]?, values: [SQLValue], line: Int) -> ImportItem? {
        let names = columns ?? tableColumns[table] ?? Self.documentedColumns[table]
        let source = Self.source(path: path, table: table, names: names, values: values, line: line)
        guard let names else {
            // Only firmendaten (about 150 columns, varying by version) has no
            // documented order; its newest row is the default account.
            guard !companyWithoutColumns else { return nil }
            companyWithoutColumns = true
            return .reject(Reject(
                source: source,
                reason: "rows of \(table) without column names (no column list and no CREATE TABLE before them): "
                    + "the default account cannot be read; dump with CREATE TABLE or --complete-insert"))
        }
        guard names.count == values.count else {
            return .reject(Reject(source: source, reason: "\(values.count) values for the \(names.count) columns of \(table)"))
        }
        switch Self.texts(of: values, names: names, source: source, in: DumpCharacterSet(named: dump.characterSet)) {
        case .rejected(let reject): return .reject(reject)
        case .texts(let texts):
            return collector.row(table: table, names: names, values: texts, source: source, includeDeleted: includeDeleted)
        }
    }

    /// `file:line (table id=N)`, or without the id when the row has none.
    static func source(path: String, table: String, names: [String]?, values: [SQLValue], line: Int) -> SourceReference {
        var id: String?
        if let index = names?.firstIndex(of: "id"), index < values.count, case let text?? = values[index].text { id = text }
        return OpenXERowCollector.source(file: path, line: line, table: table, id: id)
    }

    /// The values as texts (nil for NULL), or a reject naming a column that
    /// is not UTF-8 in a dump that is not latin1.
    static func texts(of values: [SQLValue], names: [String], source: SourceReference, in characterSet: DumpCharacterSet) -> RowTexts {
        var texts: [String?] = []
        texts.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            var text = value.text
            if text == nil, case .string(let bytes) = value, let converted = bytes.withUnsafeBufferPointer({ characterSet.text($0) }) {
                text = .some(converted)
            }
            guard let text else {
                return .rejected(Reject(source: source, reason: "column \(names[index]) \(DumpError.notUTF8)"))
            }
            texts.append(text)
        }
        return .texts(texts)
    }

    /// A row's values as texts, or why they cannot be.
    enum RowTexts {
        case texts([String?])
        case rejected(Reject)
    }
}

extension SQLValue {
    /// The value as text, nil for NULL; `.some(nil)` when the bytes are not UTF-8.
    var text: String?? {
        switch self {
        case .null: return .some(nil)
        case .number(let n): return n
        case .string(let bytes), .hex(let bytes):
            guard bytes.withUnsafeBufferPointer({ UTF8Validation.isValid($0) }) else { return String??.none }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
