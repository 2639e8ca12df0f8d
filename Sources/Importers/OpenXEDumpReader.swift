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
    /// The newest `firmendaten` row seen (its mail columns) and its position.
    private var company: (id: Int, values: [String: String?], line: Int)?
    /// `firmendaten_werte` values by name, with the id that set them (the highest wins).
    private var companyValues: [String: (id: Int, value: String)] = [:]
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
            tables: [EmailbackupMapping.table, DefaultAccountMapping.companyTable, DefaultAccountMapping.valuesTable])
        self.path = path ?? stream.name
        self.includeDeleted = includeDeleted
    }

    public func next() throws(InputError) -> ImportItem? {
        if brokenAt != nil, !defaultAccountHandedOn {
            defaultAccountHandedOn = true
            if let item = defaultAccount() { return item }
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
                return defaultAccount()
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
        switch table {
        case EmailbackupMapping.table:
            let positions = columnPositions(for: names)
            var values = [String??](repeating: nil, count: positions.count)
            for (index, position) in positions.enumerated() {
                guard let position else { continue }
                guard let text = values_[position].text else {
                    return .reject(Reject(source: source, reason: "column \(names[position]) is not valid UTF-8"))
                }
                values[index] = .some(text)
            }
            if !includeDeleted, let deleted = values[Self.deletedIndex] ?? nil, deleted != "0", !deleted.isEmpty {
                return .skipped(source, reason: "deleted in OpenXE (geloescht = \(deleted)); --include-deleted imports it")
            }
            do {
                var account = try EmailbackupMapping.account(fromColumns: values)
                account.identity.origin = source.description
                return .account(account, source)
            } catch {
                return .reject(Reject(source: source, reason: error.description))
            }
        case DefaultAccountMapping.companyTable:
            guard let row = textRow(names: names, values: values_, source: source) else {
                return .reject(Reject(source: source, reason: "a column of \(table) is not valid UTF-8"))
            }
            let number = id.flatMap { Int($0) } ?? 0
            if company == nil || number >= company!.id {
                var mail: [String: String?] = [:]
                for name in DefaultAccountMapping.companyColumns { mail[name] = row[name] ?? nil }
                company = (number, mail, line)
            }
        default:
            guard let row = textRow(names: names, values: values_, source: source) else {
                return .reject(Reject(source: source, reason: "a column of \(table) is not valid UTF-8"))
            }
            let number = id.flatMap { Int($0) } ?? 0
            if let name = row["name"] ?? nil, DefaultAccountMapping.valueNames.contains(name),
                companyValues[name].map({ number >= $0.id }) ?? true
            {
                companyValues[name] = (number, (row["wert"] ?? nil) ?? "")
            }
        }
        return nil
    }

    private static let deletedIndex = EmailbackupMapping.columns.firstIndex { $0.name == "geloescht" }!
    /// For the last column list seen: where each mapping column is in a row.
    private var positionCache: (names: [String], positions: [Int?])?

    private func columnPositions(for names: [String]) -> [Int?] {
        if let cache = positionCache, cache.names == names { return cache.positions }
        var byName: [String: Int] = [:]
        for (index, name) in names.enumerated() where byName[name] == nil { byName[name] = index }
        let positions = EmailbackupMapping.columns.map { byName[$0.name] }
        positionCache = (names, positions)
        return positions
    }

    /// A row of another table as texts by column name; nil when a value is not UTF-8.
    private func textRow(names: [String], values: [SQLValue], source: SourceReference) -> [String: String?]? {
        var row: [String: String?] = [:]
        for (name, value) in zip(names, values) {
            guard let text = value.text else { return nil }
            row[name] = text
        }
        return row
    }

    /// The default account, once the whole dump has been read.
    private func defaultAccount() -> ImportItem? {
        guard let company else { return nil }
        let source = SourceReference(file: path, line: company.line, detail: "\(DefaultAccountMapping.companyTable) id=\(company.id)")
        do {
            var account = try DefaultAccountMapping.account(
                company: company.values, values: companyValues.mapValues(\.value))
            account.identity.origin = source.description
            return .account(account, source)
        } catch {
            return .reject(Reject(source: source, reason: error.description))
        }
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
