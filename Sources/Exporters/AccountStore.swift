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
    let db: SQLiteConnection
    private var currentRun: Int64?
    private var summary = RunSummary()

    private lazy var findByKey = try? db.prepare(
        "SELECT account_id, content_hash, last_seen_run, last_source, natural_key FROM account_state WHERE key_hash = ?")
    private lazy var insertAccount = try? db.prepare(
        "INSERT INTO accounts(" + Self.fieldColumnList + ") VALUES ("
            + Array(repeating: "?", count: CanonicalField.ordered.count).joined(separator: ", ") + ")")
    private lazy var insertState = try? db.prepare(
        """
        INSERT INTO account_state(account_id, natural_key, key_hash, content_hash, first_seen_run, last_seen_run,
            last_source) VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
    private lazy var updateAccount = try? db.prepare(
        "UPDATE accounts SET " + CanonicalField.ordered.map { "\"\($0.name)\" = ?" }.joined(separator: ", ")
            + " WHERE id = ?")
    private lazy var updateState = try? db.prepare(
        "UPDATE account_state SET content_hash = ?, last_seen_run = ?, last_source = ? WHERE account_id = ?")
    /// `account(id:)`'s statement, prepared on its first call.
    private var accountByID: SQLiteStatement?
    private lazy var insertReject = try? db.prepare(
        "INSERT INTO rejects(run_id, source, file, line, reason) VALUES (?, ?, ?, ?, ?)")

    /// Starts the disk writing the run's pages while the run goes on.
    private lazy var writeback = EarlyWriteback(databasePath: path)

    /// The page cache: 16 MiB (a negative `cache_size` is in KiB).
    private static let cacheSize = -16384

    static let fieldColumnList = CanonicalField.ordered.map { "\"\($0.name)\"" }.joined(separator: ", ")

    /// Opens the store at `path`, creating it and its tables when `create` is
    /// true and bringing an older schema up to date.
    public init(path: String, create: Bool = true) throws(StoreError) {
        self.path = path
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw StoreError(path: path, message: "no such database (run `mailmigrate run` first)")
        }
        db = try SQLiteConnection(path: path, create: create)
        try db.execute("PRAGMA page_size = 65536")
        try db.execute("PRAGMA journal_mode = WAL")
        try db.execute("PRAGMA synchronous = NORMAL")
        try db.execute("PRAGMA cache_size = \(Self.cacheSize)")
        try db.execute("PRAGMA temp_store = FILE")  // sorts (the key index) spill to disk: memory stays flat
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
                try migrations[index].apply(to: db)
                try db.execute("PRAGMA user_version = \(index + 1)")
            }
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    // MARK: Runs

    /// The current run started on a store without accounts: it appends
    /// without looking keys up, and finds duplicates once, before it commits.
    /// While appending: the new accounts waiting to be inserted with their group.
    private var appendBatch: AppendBatch?
    /// While appending: the key hashes stored so far, to find duplicates at the end.
    private var appendedKeys: AppendedKeyFilter?
    /// How many possible duplicates the filter keeps before it gives up (tests lower it).
    var appendedKeyCandidateLimit = AppendedKeyFilter.defaultCandidateLimit

    /// Findings of the last finished run that went with the duplicates it
    /// found at its end (a run on an empty store), by severity: recorded
    /// while the run went on, no longer in the store.
    public private(set) var findingsWithdrawn: [String: Int] = [:]

    /// How the current run's transaction is journaled.
    public private(set) var runJournal: RunJournal = .writeAheadLog

    /// Starts a run: opens its transaction and records the run.
    ///
    /// The database lives in WAL mode, so readers never wait for a run. But a
    /// WAL writes every page twice and syncs both copies at the checkpoint,
    /// which for a bulk import of a million accounts costs more than the
    /// import itself (measured: 7.3 s against 2.7 s for the same rows). So
    /// when no other connection has the file open, a run switches to a
    /// rollback journal for its transaction: pages it appends are written and
    /// synced once, and the journal still rolls back a failed or interrupted
    /// run. After the run the database goes back to WAL. When another
    /// connection is open, the switch is refused and the run stays in WAL.
    public func beginRun(sources: [String], startedAt: Date = Date()) throws(StoreError) -> Int64 {
        db.setBusyTimeout(milliseconds: 0)  // the switch is worth trying, not worth waiting for
        runJournal = (try? db.text("PRAGMA journal_mode = DELETE")) == "delete" ? .rollback : .writeAheadLog
        db.setBusyTimeout(milliseconds: 5000)
        try db.execute("BEGIN IMMEDIATE")
        // On an empty store every account is new: looking each key up, and
        // inserting into the key index at random places, is wasted work. The
        // index is built once at the end instead (a sort), and duplicates
        // within the run are found with it (see `resolveDuplicatesOfAppend`).
        // The findings' index by run stays: every finding of the run has the
        // same run id, so each insert goes at the index's end (about 1% of the
        // store thread's perf samples at 400,000 findings). Built at the end
        // instead, it read the whole findings table back, from the disk once
        // the run's pages had left the page cache: 0.29–0.34 s at 1M.
        let appending = try db.integer("SELECT NOT EXISTS (SELECT 1 FROM account_state)") == 1
        if appending {
            try db.execute("DROP INDEX IF EXISTS account_state_by_key_hash")
        }
        writeback.startRun(releasing: appending ? try pageRelease() : nil)
        appendedKeys = appending ? AppendedKeyFilter(candidateLimit: appendedKeyCandidateLimit) : nil
        findingsWithdrawn = [:]
        let statement = try db.prepare("INSERT INTO runs(started_at, sources) VALUES (?, ?)")
        statement.bind(1, Self.timestamp(startedAt))
        statement.bind(2, sources.joined(separator: "\n"))
        try statement.step()
        let run = db.lastInsertRowID
        if appending {
            let largestID = try db.integer("SELECT COALESCE(MAX(id), 0) FROM accounts")
            appendBatch = try AppendBatch(connection: db, run: run, largestID: largestID)
        }
        findingBatch = try FindingBatch(connection: db, run: run)
        currentRun = run
        summary = RunSummary()
        summary.runID = run
        return run
    }

    /// How an append releases the pages it wrote: all but those of
    /// `account_state`, which the key index is built from at the end (see
    /// `TableLeafRecognizer`).
    func pageRelease() throws(StoreError) -> EarlyWriteback.PageRelease {
        let pageSize = try db.integer("PRAGMA page_size")
        let stateColumns = try db.integer("SELECT COUNT(*) FROM pragma_table_info('account_state')")
        return EarlyWriteback.PageRelease(
            pageSize: pageSize,
            keeping: TableLeafRecognizer(pageSize: Int(pageSize), columnCount: Int(stateColumns)))
    }

    /// Stores one account of the current run.
    public func store(_ row: AccountRow) throws(StoreError) -> StoreOutcome {
        if let appendBatch { return try append(row, to: appendBatch) }
        return try row.bytes.withUnsafeBufferPointer { buffer throws(StoreError) in
            try store(row, bytes: buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!)
        }
    }

    /// `store(_:)` on an empty store: every account is new (duplicates are
    /// found at the end), and goes into the append batch.
    private func append(_ row: AccountRow, to batch: AppendBatch) throws(StoreError) -> StoreOutcome {
        guard currentRun != nil else { throw StoreError(path: path, message: "no run started") }
        summary.recordsRead += 1
        pendingKeys.append(row.keyHash)
        if pendingKeys.count == Self.pendingKeyLimit { notePendingKeys() }
        let id = try batch.add(row)
        writeback.rowStored()
        summary.accountsNew += 1
        return .inserted(id: id)
    }

    /// Key hashes appended but not yet noted in `appendedKeys`: noted 64 at a
    /// time (see `AppendedKeyFilter.insert(_:)`), and all before the end of the run.
    private var pendingKeys: [Int64] = []
    private static let pendingKeyLimit = 64

    private func notePendingKeys() {
        pendingKeys.withUnsafeBufferPointer { appendedKeys?.insert($0) }
        pendingKeys.removeAll(keepingCapacity: true)
    }

    /// `store(_:)` with the row's bytes at hand: every text it binds is bound in place.
    private func store(_ row: AccountRow, bytes base: UnsafePointer<UInt8>) throws(StoreError) -> StoreOutcome {
        guard let run = currentRun else { throw StoreError(path: path, message: "no run started") }
        guard let find = findByKey, let insert = insertAccount, let update = updateAccount,
            let insertState, let updateState
        else { throw StoreError(path: path, message: db.lastError, busy: db.lastErrorIsBusy) }
        let key = UnsafeBufferPointer(start: base + row.keyRange.lowerBound, count: row.keyRange.count)
        let source = UnsafeBufferPointer(start: base + row.sourceRange.lowerBound, count: row.sourceRange.count)

        var existing: (id: Int64, content: Int64, lastRun: Int64, source: String)?
        find.bind(1, row.keyHash)
        do {
            defer { find.reset() }
            while try find.step() {
                if find.text(4, equals: key) {
                    existing = (find.int64(0), find.int64(1), find.int64(2), find.text(3))
                    break
                }
            }
        }

        guard let existing else {
            summary.recordsRead += 1
            do {
                defer { insert.reset() }
                FieldBinding.bindFields(of: row, bytes: base, to: insert)
                try insert.step()
            }
            let id = db.lastInsertRowID
            insertState.bind(1, id)
            insertState.bindStatic(2, key)
            insertState.bind(3, row.keyHash)
            insertState.bind(4, row.contentHash)
            insertState.bind(5, run)
            insertState.bind(6, run)
            insertState.bindStatic(7, source)
            defer { insertState.reset() }
            try insertState.step()
            writeback.rowStored()
            summary.accountsNew += 1
            return .inserted(id: id)
        }
        if existing.lastRun == run {
            try recordReject(
                sourceText: row.sourceText,
                reason: "the same account (address, server and login) as \(existing.source), which was stored")
            return .duplicateInRun(firstSource: existing.source)
        }
        summary.recordsRead += 1
        let changed = existing.content != row.contentHash
        if changed {
            update.bind(Int32(1 + AccountRow.fieldCount), existing.id)
            defer { update.reset() }
            FieldBinding.bindFields(of: row, bytes: base, to: update)
            try update.step()
        }
        updateState.bind(1, row.contentHash)
        updateState.bind(2, run)
        updateState.bindStatic(3, source)
        updateState.bind(4, existing.id)
        defer { updateState.reset() }
        try updateState.step()
        writeback.rowStored()
        if changed {
            summary.accountsUpdated += 1
            return .updated(id: existing.id)
        }
        summary.accountsUnchanged += 1
        return .unchanged(id: existing.id)
    }

    /// Records what validation found about an account stored in this run,
    /// found at the source position `row` holds.
    public func recordFindings(_ findings: FindingRows, accountID: Int64, of row: AccountRow) throws(StoreError) {
        guard currentRun != nil, let findingBatch else { throw StoreError(path: path, message: "no run started") }
        try row.bytes.withUnsafeBufferPointer { (bytes) throws(StoreError) in
            try findingBatch.add(accountID: accountID, source: UnsafeBufferPointer(rebasing: bytes[row.sourceRange]), findings)
        }
    }

    /// Records one finding about an account stored in this run.
    public func recordFinding(
        accountID: Int64, source: SourceReference, rule: String, severity: String, field: String?,
        message: String, fix: String?
    ) throws(StoreError) {
        guard currentRun != nil, let findingBatch else { throw StoreError(path: path, message: "no run started") }
        var findings = FindingRows()
        findings.append(rule: rule, severity: severity, field: field, message: message, fix: fix)
        var sourceText: [UInt8] = []
        source.appendText(to: &sourceText)
        try sourceText.withUnsafeBufferPointer { (text) throws(StoreError) in
            try findingBatch.add(accountID: accountID, source: text, findings)
        }
    }

    /// `recordFinding` for the account `row` holds: its source position is
    /// taken from the row's bytes.
    public func recordFinding(
        accountID: Int64, of row: AccountRow, rule: String, severity: String, field: String?, message: String,
        fix: String?
    ) throws(StoreError) {
        var findings = FindingRows()
        findings.append(rule: rule, severity: severity, field: field, message: message, fix: fix)
        try recordFindings(findings, accountID: accountID, of: row)
    }

    /// The run's findings not yet inserted (see `FindingBatch`).
    private var findingBatch: FindingBatch?

    /// Records a record that could not become an account.
    public func recordReject(source: SourceReference, reason: String) throws(StoreError) {
        try recordReject(sourceText: source.description, reason: reason)
    }

    private func recordReject(sourceText: String, reason: String) throws(StoreError) {
        guard let run = currentRun else { throw StoreError(path: path, message: "no run started") }
        summary.recordsRead += 1
        summary.rejected += 1
        try insertRejectRow(run: run, source: sourceText, reason: reason)
    }

    /// Counts a record that was left out on purpose (see `ImportItem.skipped`).
    public func recordSkipped() throws(StoreError) {
        guard currentRun != nil else { throw StoreError(path: path, message: "no run started") }
        summary.recordsRead += 1
        summary.skipped += 1
    }

    private func insertRejectRow(run: Int64, source: String, reason: String) throws(StoreError) {
        guard let insert = insertReject else { throw StoreError(path: path, message: db.lastError, busy: db.lastErrorIsBusy) }
        let position = Self.position(source)
        insert.bind(1, run)
        insert.bind(2, source)
        insert.bind(3, position.file)
        if let line = position.line { insert.bind(4, Int64(line)) } else { insert.bindNull(4) }
        insert.bind(5, reason)
        defer { insert.reset() }
        try insert.step()
    }

    /// Ends the run: writes its counts and commits everything it stored.
    /// Returns the counts and the records found to be duplicates at the end
    /// (only a run on an empty store finds them there; they are rejects).
    public func finishRun(finishedAt: Date = Date()) throws(StoreError) -> (RunSummary, [(source: String, reason: String)]) {
        guard let run = currentRun else { throw StoreError(path: path, message: "no run started") }
        var lateRejects: [(source: String, reason: String)] = []
        try findingBatch?.flush()
        findingBatch = nil
        if let appendBatch {
            try appendBatch.flush()
            notePendingKeys()
            // The index is built by SQLite's sorter, which keeps runs of up to
            // the page cache's size in memory before writing them to a
            // temporary file: 16 MiB more at the end of a large run. With the
            // cache at 1 MiB for the build, memory stays as it was during the run.
            // A second thread sorts one run while the next is filled: at 1M
            // accounts the build took 0.46 s alone, 0.32 s with it. The pages
            // the cache and the batches freed go back to the system first, so
            // that the build's memory does not come on top of them.
            try db.execute("PRAGMA cache_size = -1024")
            ProcessHeap.returnFreedPages()
            try db.execute("PRAGMA threads = 2")
            try db.execute("CREATE INDEX account_state_by_key_hash ON account_state(key_hash)")
            try db.execute("PRAGMA threads = 0")
            try db.execute("PRAGMA cache_size = \(Self.cacheSize)")
            lateRejects = try resolveDuplicatesOfAppend(run: run)
            self.appendBatch = nil
            appendedKeys = nil
        }
        let statement = try db.prepare(
            """
            UPDATE runs SET finished_at = ?, records_read = ?, accounts_new = ?, accounts_updated = ?,
                accounts_unchanged = ?, rejected = ?, skipped = ? WHERE id = ?
            """)
        statement.bind(1, Self.timestamp(finishedAt))
        statement.bind(2, Int64(summary.recordsRead))
        statement.bind(3, Int64(summary.accountsNew))
        statement.bind(4, Int64(summary.accountsUpdated))
        statement.bind(5, Int64(summary.accountsUnchanged))
        statement.bind(6, Int64(summary.rejected))
        statement.bind(7, Int64(summary.skipped))
        statement.bind(8, run)
        try statement.step()
        try db.execute("COMMIT")
        currentRun = nil
        try restoreWriteAheadLog()
        return (summary, lateRejects)
    }

    /// After an append, the same account may have been stored twice: keeps
    /// the first of each natural key and turns the later ones into rejects
    /// that name the first, exactly as a run on a filled store does as it goes.
    ///
    /// The hashes to look at are the filter's candidates (`AppendedKeyFilter`),
    /// in order; only when it overflowed does SQLite list every hash held twice.
    private func resolveDuplicatesOfAppend(run: Int64) throws(StoreError) -> [(source: String, reason: String)] {
        var hashes: [Int64] = []
        if let appendedKeys, !appendedKeys.overflowed {
            hashes = appendedKeys.candidates.sorted()
        } else {
            let groups = try db.prepare(
                "SELECT key_hash FROM account_state GROUP BY key_hash HAVING COUNT(*) > 1")
            while try groups.step() { hashes.append(groups.int64(0)) }
        }
        guard !hashes.isEmpty else { return [] }
        let members = try db.prepare(
            "SELECT account_id, natural_key, last_source FROM account_state WHERE key_hash = ? ORDER BY account_id")
        var duplicates: [(id: Int64, source: String, first: String)] = []
        for hash in hashes {
            members.bind(1, hash)
            var firstByKey: [String: String] = [:]
            while try members.step() {
                let key = members.text(1)
                let source = members.text(2)
                if let first = firstByKey[key] {
                    duplicates.append((members.int64(0), source, first))
                } else {
                    firstByKey[key] = source
                }
            }
            members.reset()
        }
        // In input order (ids grow as accounts are appended): the rejects read as the file does.
        duplicates.sort { $0.id < $1.id }
        let deleteAccount = try db.prepare("DELETE FROM accounts WHERE id = ?")
        let deleteState = try db.prepare("DELETE FROM account_state WHERE account_id = ?")
        var rejects: [(source: String, reason: String)] = []
        for duplicate in duplicates {
            for statement in [deleteAccount, deleteState] {
                statement.bind(1, duplicate.id)
                defer { statement.reset() }
                try statement.step()
            }
            let reason = "the same account (address, server and login) as \(duplicate.first), which was stored"
            try insertRejectRow(run: run, source: duplicate.source, reason: reason)
            summary.accountsNew -= 1
            summary.rejected += 1
            rejects.append((duplicate.source, "duplicate account, not stored again"))
        }
        try withdrawFindings(of: duplicates.map(\.id), run: run)
        return rejects
    }

    /// Deletes the findings these accounts got in this run, and counts them
    /// by severity in `findingsWithdrawn`. A statement per 10,000 accounts:
    /// findings are indexed by run, so each statement passes over the run's
    /// findings once (one per account passed over all of them per account).
    private func withdrawFindings(of accounts: [Int64], run: Int64) throws(StoreError) {
        for start in stride(from: 0, to: accounts.count, by: 10_000) {
            let list = accounts[start..<min(start + 10_000, accounts.count)].map(String.init).joined(separator: ",")
            let count = try db.prepare(
                "SELECT severity, COUNT(*) FROM findings WHERE run_id = ? AND account_id IN (\(list)) GROUP BY severity")
            count.bind(1, run)
            while try count.step() { findingsWithdrawn[count.text(0), default: 0] += Int(count.int64(1)) }
            let delete = try db.prepare("DELETE FROM findings WHERE run_id = ? AND account_id IN (\(list))")
            delete.bind(1, run)
            try delete.step()
        }
    }

    /// Gives up the current run: nothing it stored remains.
    public func abandonRun() {
        guard currentRun != nil else { return }
        appendBatch = nil
        findingBatch = nil
        pendingKeys.removeAll()
        appendedKeys = nil
        try? db.execute("ROLLBACK")
        currentRun = nil
        try? restoreWriteAheadLog()
    }

    private func restoreWriteAheadLog() throws(StoreError) {
        guard runJournal == .rollback else { return }
        let mode = try db.text("PRAGMA journal_mode = WAL")
        guard mode == "wal" else { throw StoreError(path: path, message: "could not return to WAL mode (\(mode))") }
    }

    // MARK: Reading

    /// Every stored account in the order it was first stored.
    public func forEachAccount(_ body: (MailAccount) throws -> Void) throws {
        try forEachAccountWithID { _, account in try body(account) }
    }

    /// Every stored account with its row id, in id order; with `seenInRun`
    /// only the accounts that run read.
    public func forEachAccountWithID(seenInRun run: Int64? = nil, _ body: (Int64, MailAccount) throws -> Void) throws {
        let statement = try db.prepare(
            run == nil
                ? "SELECT \(Self.fieldColumnList), id FROM accounts ORDER BY id"
                : "SELECT \(Self.fieldColumnList), id FROM accounts WHERE id IN (SELECT account_id FROM account_state WHERE last_seen_run = ?) ORDER BY id")
        if let run { statement.bind(1, run) }
        let count = Int32(CanonicalField.ordered.count)
        while try statement.step() {
            try body(statement.int64(count), try account(in: statement))
        }
    }

    /// Every stored account's row id, e-mail address and origin, in id order:
    /// what pairing accounts by address needs, without reading whole accounts.
    public func forEachAddress(_ body: (_ id: Int64, _ email: String, _ origin: String) throws -> Void) throws {
        let statement = try db.prepare("SELECT id, email, origin FROM accounts ORDER BY id")
        while try statement.step() { try body(statement.int64(0), statement.text(1), statement.text(2)) }
    }

    /// The stored account with this row id, or nil when there is none.
    public func account(id: Int64) throws(StoreError) -> MailAccount? {
        let statement: SQLiteStatement
        if let prepared = accountByID {
            statement = prepared
        } else {
            statement = try db.prepare("SELECT \(Self.fieldColumnList), id FROM accounts WHERE id = ?")
            accountByID = statement
        }
        defer { statement.reset() }
        statement.bind(1, id)
        return try statement.step() ? try account(in: statement) : nil
    }

    /// The account in the current row of a statement that selects the field
    /// columns in `CanonicalField.ordered` order followed by the row id.
    private func account(in statement: SQLiteStatement) throws(StoreError) -> MailAccount {
        let count = Int32(CanonicalField.ordered.count)
        var texts: [String] = []
        texts.reserveCapacity(Int(count))
        for column in 0..<count {
            texts.append(FieldBinding.kinds[Int(column)].text(statement, column))
        }
        do throws(FieldValueError) {
            return try AccountRow.account(from: texts)
        } catch {
            // A row changed outside mailmigrate (a value SQLite took into an INTEGER column as text):
            // the message names the row, so that it can be found among a million.
            let email = CanonicalField.ordered.firstIndex(of: .email).map { texts[$0] } ?? ""
            throw StoreError(
                path: path,
                message: "the stored account in row id=\(statement.int64(count))\(email.isEmpty ? "" : " (\(email))") "
                    + "does not read back: \(error)")
        }
    }

    /// The newest run's id, nil in an empty store.
    public func latestRunID() throws(StoreError) -> Int64? {
        let id = try db.integer("SELECT COALESCE(MAX(id), 0) FROM runs")
        return id == 0 ? nil : id
    }

    /// Stores connect-test results for a run, in one transaction.
    public func storeProbeResults(runID: Int64, _ records: [ProbeRecord], testedAt: Date = Date()) throws(StoreError) {
        try db.execute("BEGIN IMMEDIATE")
        do throws(StoreError) {
            let insert = try db.prepare(
                """
                INSERT INTO probe_results(run_id, account_id, service, host, port, security, status, detail, tls_version,
                    tls_cipher, certificate_subject, certificate_expiry, capabilities, auth_mechanisms, timings, tested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let stamp = Self.timestamp(testedAt)
            for r in records {
                insert.bind(1, runID)
                if let id = r.accountID { insert.bind(2, id) } else { insert.bindNull(2) }
                insert.bind(3, r.service)
                insert.bind(4, r.host)
                if let port = r.port { insert.bind(5, Int64(port)) } else { insert.bindNull(5) }
                for (index, value) in [(6, r.security), (9, r.tlsVersion), (10, r.tlsCipher), (11, r.certificateSubject),
                                       (12, r.certificateExpiry)] {
                    if let value { insert.bind(Int32(index), value) } else { insert.bindNull(Int32(index)) }
                }
                insert.bind(7, r.status)
                insert.bind(8, r.detail)
                insert.bind(13, r.capabilities)
                insert.bind(14, r.authMechanisms)
                insert.bind(15, r.timings)
                insert.bind(16, stamp)
                defer { insert.reset() }
                try insert.step()
            }
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    public func count(_ table: String) throws(StoreError) -> Int {
        Int(try db.integer("SELECT COUNT(*) FROM \"\(table)\""))
    }

    /// The store's schema version (`PRAGMA user_version`).
    public func schemaVersionOnDisk() throws(StoreError) -> Int { Int(try db.integer("PRAGMA user_version")) }

    // MARK: Columns

    /// File and line of a source position as `SourceReference.description`
    /// wrote it (`file:line`, `file:line (detail)`), for the rejects table.
    static func position(_ text: String) -> (file: String, line: Int?) {
        var rest = Substring(text)
        if rest.hasSuffix(")"), let open = rest.range(of: " (", options: .backwards) {
            rest = rest[..<open.lowerBound]
        }
        if let colon = rest.lastIndex(of: ":"), let line = Int(rest[rest.index(after: colon)...]) {
            return (String(rest[..<colon]), line)
        }
        if let separator = rest.range(of: ": ") { return (String(rest[..<separator.lowerBound]), nil) }
        return (String(rest), nil)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
