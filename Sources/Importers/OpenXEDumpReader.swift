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
public final class OpenXEDumpReader: AccountReader {
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
        if brokenAt != nil, !defaultAccountHandedOn {
            defaultAccountHandedOn = true
            if let item = collector.defaultAccount(path: path) { return item }
        }
        while !finished {
            let event: MySQLDumpReader.Event?
            do {
                event = try dump.next()
            } catch {
                // The rest of the file cannot be read; what was read stays,
                // and the break is a reject the run counts.
                brokenAt = Reject(
                    source: SourceReference(file: path, line: error.line, detail: "byte \(error.offset)"),
                    reason: "\(error.message); the rest of the file cannot be read")
                finished = true
                return .reject(brokenAt!)
            }
            switch event {
            case nil:
                finished = true
                defaultAccountHandedOn = true
                return collector.defaultAccount(path: path)
            case let .table(name, columns, _):
                tableColumns[name] = columns
            case let .row(table, columns, values, line):
                if let item = row(table: table, columns: columns, values: values, line: line) { return item }
            }
        }
        return nil
    }

    private func row(table: String, columns: [String]?, values values_: [SQLValue], line: Int) -> ImportItem? {
        let names = columns ?? tableColumns[table] ?? Self.documentedColumns[table]
        var id: String?
        if let index = names?.firstIndex(of: "id"), index < values_.count, case let text?? = values_[index].text { id = text }
        let source = SourceReference(file: path, line: line, detail: id.map { "\(table) id=\($0)" } ?? table)
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
        guard names.count == values_.count else {
            return .reject(Reject(source: source, reason: "\(values_.count) values for the \(names.count) columns of \(table)"))
        }
        var texts: [String?] = []
        texts.reserveCapacity(values_.count)
        for (index, value) in values_.enumerated() {
            guard let text = value.text else {
                return .reject(Reject(source: source, reason: "column \(names[index]) is not valid UTF-8"))
            }
            texts.append(text)
        }
        return collector.row(table: table, names: names, values: texts, source: source, includeDeleted: includeDeleted)
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
