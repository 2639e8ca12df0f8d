import MailModel
import Mappings

/// What the OpenXE dump readers (SQL and XML) do with a row once its values
/// are text: an `emailbackup` row becomes an account through
/// `EmailbackupMapping` (or is skipped when deleted); `firmendaten` and
/// `firmendaten_werte` rows are remembered until the end, where they make
/// the default account.
struct OpenXERowCollector {
    static let tables: Set<String> = [
        EmailbackupMapping.table, DefaultAccountMapping.companyTable, DefaultAccountMapping.valuesTable,
    ]

    /// The newest `firmendaten` row seen (its mail columns) and its position.
    private var company: (id: Int, values: [String: String?], source: SourceReference)?
    /// `firmendaten_werte` values by name, with the id that set them (the highest wins).
    private var companyValues: [String: (id: Int, value: String)] = [:]
    /// For the last column list seen: where each mapping column is in a row.
    private var layoutCache: (names: [String], layout: EmailbackupColumnLayout)?
    private static let deletedIndex = EmailbackupMapping.columns.firstIndex { $0.name == "geloescht" }!

    /// Where a row is: `file:line (table id=N)`, or without the id when the row has none.
    static func source(file: String, line: Int?, table: String, id: String?) -> SourceReference {
        SourceReference(file: file, line: line, detail: id.map { "\(table) id=\($0)" } ?? table)
    }

    /// The row's `id` column, if it has one.
    static func id(names: [String], values: [String?]) -> String? {
        guard let index = names.firstIndex(of: "id"), index < values.count else { return nil }
        return values[index]
    }

    /// The account of an `emailbackup` row, a skip or a reject; nil for the
    /// rows of the default account's tables (they count at the end).
    mutating func row(
        table: String, names: [String], values: [String?], source: SourceReference, includeDeleted: Bool
    ) -> ImportItem? {
        guard names.count == values.count else {
            return .reject(Reject(source: source, reason: "\(values.count) values for the \(names.count) columns of \(table)"))
        }
        let number = Self.id(names: names, values: values).flatMap { Int($0) } ?? 0
        switch table {
        case EmailbackupMapping.table:
            let layout = columnLayout(for: names)
            return Self.account(
                positions: layout.positions, values: values, source: source, includeDeleted: includeDeleted,
                extras: layout.unmapped.compactMap { index in values[index].map { ExtraField(name: names[index], value: $0) } })
        case DefaultAccountMapping.companyTable:
            if company == nil || number >= company!.id {
                var mail: [String: String?] = [:]
                for name in DefaultAccountMapping.companyColumns {
                    mail[name] = names.firstIndex(of: name).map { values[$0] } ?? nil
                }
                company = (number, mail, source)
            }
        case DefaultAccountMapping.valuesTable:
            guard let nameIndex = names.firstIndex(of: "name"), let name = values[nameIndex],
                DefaultAccountMapping.valueNames.contains(name), companyValues[name].map({ number >= $0.id }) ?? true
            else { break }
            companyValues[name] = (number, (names.firstIndex(of: "wert").map { values[$0] } ?? nil) ?? "")
        default:
            break
        }
        return nil
    }

    /// The account of an `emailbackup` row whose mapping columns are at
    /// `positions` (from `columnLayout`), or its skip or reject; on any thread.
    /// `extras`: the row's columns the mapping does not have (a later OpenXE
    /// version's, a customer's own), by their column names.
    static func account(
        positions: [Int?], values: [String?], source: SourceReference, includeDeleted: Bool, extras: [ExtraField] = []
    ) -> ImportItem {
        var columns = [String??](repeating: nil, count: positions.count)
        for (index, position) in positions.enumerated() {
            if let position { columns[index] = .some(values[position]) }
        }
        return account(columns: columns, source: source, includeDeleted: includeDeleted, extras: extras)
    }

    /// The account of an `emailbackup` row given in the mapping's column
    /// order (`EmailbackupMapping.account(fromColumns:)`), or its skip or reject.
    static func account(columns: [String??], source: SourceReference, includeDeleted: Bool, extras: [ExtraField] = []) -> ImportItem {
        item(source: source, deleted: columns[Self.deletedIndex] ?? nil, includeDeleted: includeDeleted) {
            (account) throws(OpenXEValueError) in
            try EmailbackupMapping.read(columns, into: &account)
            account.extras.append(contentsOf: extras)
        }
    }

    /// `account(columns:source:includeDeleted:)` for values held as UTF-8.
    static func account(
        utf8 columns: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>??>, source: SourceReference, includeDeleted: Bool,
        extras: [ExtraField] = []
    ) -> ImportItem {
        // `geloescht` becomes a String only when it is not the usual 0.
        let deleted = (columns[Self.deletedIndex] ?? nil).flatMap { value in
            value.count == 1 && value[0] == UInt8(ascii: "0") ? "0" : String(decoding: value, as: UTF8.self)
        }
        return item(source: source, deleted: deleted, includeDeleted: includeDeleted) {
            (account) throws(OpenXEValueError) in
            try EmailbackupMapping.read(utf8: columns, into: &account)
            if !extras.isEmpty { account.extras.append(contentsOf: extras) }
        }
    }

    /// The row's skip (deleted in OpenXE), its reject (a value the mapping
    /// cannot read) or its account, which `read` fills in place and which is
    /// then moved into the item: setting its fields here, or returning it
    /// from a function that did, made the compiler copy it and free the
    /// original (a retain and a release of each of its texts).
    private static func item(
        source: SourceReference, deleted: String?, includeDeleted: Bool,
        read: (inout MailAccount) throws(OpenXEValueError) -> Void
    ) -> ImportItem {
        if !includeDeleted, let deleted, deleted != "0", !deleted.isEmpty {
            return .skipped(source, reason: "deleted in OpenXE (geloescht = \(deleted)); --include-deleted imports it")
        }
        var account = MailAccount()
        do throws(OpenXEValueError) {
            try read(&account)
        } catch {
            return .reject(Reject(source: source, reason: error.description))
        }
        setOrigin(of: &account, to: source)
        return .account(account, source)
    }

    @inline(never)
    private static func setOrigin(of account: inout MailAccount, to source: SourceReference) {
        account.identity.origin = source.description
    }

    /// Where each mapping column is in a row with these column names, and
    /// which of them the mapping does not have (the last answer is kept).
    mutating func columnLayout(for names: [String]) -> EmailbackupColumnLayout {
        if let cache = layoutCache, cache.names == names { return cache.layout }
        let layout = EmailbackupColumnLayout(names: names)
        layoutCache = (names, layout)
        return layout
    }

    /// The default account, once the whole dump has been read; nil when the
    /// dump has no `firmendaten` row.
    func defaultAccount(path: String) -> ImportItem? {
        guard let company else { return nil }
        do {
            var account = try DefaultAccountMapping.account(company: company.values, values: companyValues.mapValues(\.value))
            account.identity.origin = company.source.description
            return .account(account, company.source)
        } catch {
            return .reject(Reject(source: company.source, reason: error.description))
        }
    }
}
