import Foundation
import MailModel

/// The embedded SQLite store: runs, accounts, rejects, findings and
/// connect-test results in one file.
///
/// Accounts are upserted by their `NaturalKey`, so a second run of the same
/// input adds a run and changes nothing else. Each run is one transaction: a
/// run that fails or is interrupted leaves the database as it was before.
/// The file is created with mode 0600, because it holds passwords.
public final class AccountStore {
    public let path: String
    private let db: SQLiteConnection
    private var currentRun: Int64?
    private var summary = RunSummary()

    private lazy var findByKey = try? db.prepare(
        "SELECT id, content_hash, last_seen_run, last_source, natural_key FROM accounts WHERE key_hash = ?")
    private lazy var insertAccount = try? db.prepare(
        "INSERT INTO accounts(natural_key, key_hash, content_hash, first_seen_run, last_seen_run, last_source, "
            + Self.fieldColumnList + ") VALUES (?, ?, ?, ?, ?, ?, "
            + Array(repeating: "?", count: CanonicalField.allCases.count).joined(separator: ", ") + ")")
    private lazy var updateAccount = try? db.prepare(
        "UPDATE accounts SET content_hash = ?, last_seen_run = ?, last_source = ?, "
            + CanonicalField.allCases.map { "\"\($0.name)\" = ?" }.joined(separator: ", ") + " WHERE id = ?")
    private lazy var touchAccount = try? db.prepare(
        "UPDATE accounts SET last_seen_run = ?, last_source = ? WHERE id = ?")
    private lazy var insertReject = try? db.prepare(
        "INSERT INTO rejects(run_id, source, file, line, reason) VALUES (?, ?, ?, ?, ?)")

    static let fieldColumnList = CanonicalField.allCases.map { "\"\($0.name)\"" }.joined(separator: ", ")
    private static let bindKinds: [BindKind] = CanonicalField.allCases.map { BindKind($0.kind) }

    /// Opens the store at `path`, creating it and its tables when `create` is
    /// true and bringing an older schema up to date.
    public init(path: String, create: Bool = true) throws(StoreError) {
        self.path = path
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw StoreError(path: path, message: "no such database (run `mailmigrate run` first)")
        }
        db = try SQLiteConnection(path: path, create: create)
        try db.execute("PRAGMA page_size = 16384")
        try db.execute("PRAGMA journal_mode = WAL")
        try db.execute("PRAGMA synchronous = NORMAL")
        try db.execute("PRAGMA cache_size = -32768")
        try db.execute("PRAGMA temp_store = MEMORY")
        try migrate()
    }

    /// The schema version this build writes.
    public static var schemaVersion: Int { StoreSchema.migrations.count }

    private func migrate() throws(StoreError) {
        let version = Int(try db.integer("PRAGMA user_version"))
        let migrations = StoreSchema.migrations
        guard version < migrations.count else {
            if version > migrations.count {
                throw StoreError(
                    path: path,
                    message: "database schema version \(version) is newer than this mailmigrate (\(migrations.count))")
            }
            return
        }
        try db.execute("BEGIN IMMEDIATE")
        do throws(StoreError) {
            for index in version..<migrations.count {
                try db.execute(migrations[index])
                try db.execute("PRAGMA user_version = \(index + 1)")
            }
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    // MARK: Runs

    /// Starts a run: opens its transaction and records the run.
    public func beginRun(sources: [String], startedAt: Date = Date()) throws(StoreError) -> Int64 {
        try db.execute("BEGIN IMMEDIATE")
        let statement = try db.prepare("INSERT INTO runs(started_at, sources) VALUES (?, ?)")
        statement.bind(1, Self.timestamp(startedAt))
        statement.bind(2, sources.joined(separator: "\n"))
        try statement.step()
        let run = db.lastInsertRowID
        currentRun = run
        summary = RunSummary()
        summary.runID = run
        return run
    }

    /// Stores one account of the current run.
    public func store(_ row: AccountRow) throws(StoreError) -> StoreOutcome {
        guard let run = currentRun else { throw StoreError(path: path, message: "no run started") }
        guard let find = findByKey, let insert = insertAccount, let update = updateAccount,
            let touch = touchAccount
        else { throw StoreError(path: path, message: db.lastError) }

        find.bind(1, row.keyHash)
        var existing: (id: Int64, content: Int64, lastRun: Int64, source: String)?
        while try find.step() {
            if find.text(4) == row.naturalKey {
                existing = (find.int64(0), find.int64(1), find.int64(2), find.text(3))
                break
            }
        }
        find.reset()
        let source = row.source.description

        guard let existing else {
            summary.recordsRead += 1
            insert.bind(1, row.naturalKey)
            insert.bind(2, row.keyHash)
            insert.bind(3, row.contentHash)
            insert.bind(4, run)
            insert.bind(5, run)
            insert.bind(6, source)
            bindFields(row.texts, to: insert, from: 7)
            defer { insert.reset() }
            try insert.step()
            summary.accountsNew += 1
            return .inserted(id: db.lastInsertRowID)
        }
        if existing.lastRun == run {
            try recordReject(
                source: row.source,
                reason: "the same account (address, server and login) as \(existing.source), which was stored")
            return .duplicateInRun(firstSource: existing.source)
        }
        summary.recordsRead += 1
        if existing.content == row.contentHash {
            touch.bind(1, run)
            touch.bind(2, source)
            touch.bind(3, existing.id)
            defer { touch.reset() }
            try touch.step()
            summary.accountsUnchanged += 1
            return .unchanged(id: existing.id)
        }
        update.bind(1, row.contentHash)
        update.bind(2, run)
        update.bind(3, source)
        bindFields(row.texts, to: update, from: 4)
        update.bind(Int32(4 + row.texts.count), existing.id)
        defer { update.reset() }
        try update.step()
        summary.accountsUpdated += 1
        return .updated(id: existing.id)
    }

    /// Records a record that could not become an account.
    public func recordReject(source: SourceReference, reason: String) throws(StoreError) {
        guard let run = currentRun, let insert = insertReject else {
            throw StoreError(path: path, message: "no run started")
        }
        summary.recordsRead += 1
        summary.rejected += 1
        insert.bind(1, run)
        insert.bind(2, source.description)
        insert.bind(3, source.file)
        if let line = source.line { insert.bind(4, Int64(line)) } else { insert.bindNull(4) }
        insert.bind(5, reason)
        defer { insert.reset() }
        try insert.step()
    }

    /// Ends the run: writes its counts and commits everything it stored.
    public func finishRun(finishedAt: Date = Date()) throws(StoreError) -> RunSummary {
        guard let run = currentRun else { throw StoreError(path: path, message: "no run started") }
        let statement = try db.prepare(
            """
            UPDATE runs SET finished_at = ?, records_read = ?, accounts_new = ?, accounts_updated = ?,
                accounts_unchanged = ?, rejected = ? WHERE id = ?
            """)
        statement.bind(1, Self.timestamp(finishedAt))
        statement.bind(2, Int64(summary.recordsRead))
        statement.bind(3, Int64(summary.accountsNew))
        statement.bind(4, Int64(summary.accountsUpdated))
        statement.bind(5, Int64(summary.accountsUnchanged))
        statement.bind(6, Int64(summary.rejected))
        statement.bind(7, run)
        try statement.step()
        try db.execute("COMMIT")
        currentRun = nil
        return summary
    }

    /// Gives up the current run: nothing it stored remains.
    public func abandonRun() {
        guard currentRun != nil else { return }
        try? db.execute("ROLLBACK")
        currentRun = nil
    }

    // MARK: Reading

    /// Every stored account in the order it was first stored.
    public func forEachAccount(_ body: (MailAccount) throws -> Void) throws {
        let statement = try db.prepare("SELECT \(Self.fieldColumnList) FROM accounts ORDER BY id")
        let count = Int32(CanonicalField.allCases.count)
        while try statement.step() {
            var texts: [String] = []
            texts.reserveCapacity(Int(count))
            for column in 0..<count {
                texts.append(Self.bindKinds[Int(column)].text(statement, column))
            }
            let account: MailAccount
            do throws(FieldValueError) {
                account = try AccountRow.account(from: texts)
            } catch {
                throw StoreError(path: path, message: "stored account does not read back: \(error)")
            }
            try body(account)
        }
    }

    public func count(_ table: String) throws(StoreError) -> Int {
        Int(try db.integer("SELECT COUNT(*) FROM \"\(table)\""))
    }

    /// The store's schema version (`PRAGMA user_version`).
    public func schemaVersionOnDisk() throws(StoreError) -> Int { Int(try db.integer("PRAGMA user_version")) }

    // MARK: Columns

    private func bindFields(_ texts: [String], to statement: SQLiteStatement, from first: Int32) {
        var index = first
        for (text, kind) in zip(texts, Self.bindKinds) {
            kind.bind(text, to: statement, at: index)
            index += 1
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

/// How a canonical field's text goes into its SQLite column and back:
/// booleans as 0/1, whole numbers as integers, not-set as NULL.
private enum BindKind {
    case text, integer, boolean

    init(_ kind: FieldKind) {
        switch kind {
        case .integer: self = .integer
        case .boolean: self = .boolean
        default: self = .text
        }
    }

    func bind(_ text: String, to statement: SQLiteStatement, at index: Int32) {
        switch self {
        case .text:
            statement.bind(index, text, emptyIsNull: true)
        case .boolean:
            statement.bind(index, text == "true" ? 1 : 0)
        case .integer:
            if text.isEmpty {
                statement.bindNull(index)
            } else if let n = Int64(text) {
                statement.bind(index, n)
            } else {
                statement.bind(index, text)  // a raw value the source held, kept for validation
            }
        }
    }

    func text(_ statement: SQLiteStatement, _ column: Int32) -> String {
        if statement.isNull(column) { return "" }
        switch self {
        case .text: return statement.text(column)
        case .boolean: return statement.int64(column) != 0 ? "true" : "false"
        case .integer: return statement.text(column)
        }
    }
}
