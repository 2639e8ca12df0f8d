/// The new accounts of a run on an empty store, inserted a group at a time.
///
/// Every INSERT statement costs work per step besides its row: the
/// transaction checked, the table's cursor opened and moved to the end, the
/// statement reset. On an empty store every account is new, so the store
/// inserts `rowsPerStatement` accounts with one multi-row `INSERT … VALUES`
/// into `accounts` and one into `account_state`. The ids are given, not
/// chosen by SQLite: they go on from the largest id in `accounts`, exactly
/// the ids SQLite would have chosen, and the store knows an account's id
/// (for its findings) before its group is inserted.
///
/// The statements are `INSERT OR FAIL`: SQLite keeps a statement journal for
/// a plain multi-row INSERT, to undo its first rows when a later one fails,
/// and writing every changed 64 KiB page to it cost more than the groups
/// saved. A failed insert fails the run, whose transaction is then rolled
/// back as a whole, so nothing needs undoing row by row.
final class AppendBatch {
    /// Accounts per statement. Measured at 1M rows in C against this
    /// schema: 16 saved most of what larger groups did.
    static let rowsPerStatement = 16

    private let groupInserts: (accounts: SQLiteStatement, states: SQLiteStatement)
    private let singleInserts: (accounts: SQLiteStatement, states: SQLiteStatement)
    private let run: Int64
    private var rows: [AccountRow] = []
    private var nextID: Int64

    /// For the run `run`, with the largest id now in `accounts` (0 when none).
    init(connection db: SQLiteConnection, run: Int64, largestID: Int64) throws(StoreError) {
        self.run = run
        nextID = largestID + 1
        groupInserts = (
            try db.prepare(Self.accountInsert(rows: Self.rowsPerStatement)),
            try db.prepare(Self.stateInsert(rows: Self.rowsPerStatement)))
        singleInserts = (try db.prepare(Self.accountInsert(rows: 1)), try db.prepare(Self.stateInsert(rows: 1)))
        rows.reserveCapacity(Self.rowsPerStatement)
    }

    /// Takes a new account; returns the id it has in `accounts`. Its row is
    /// inserted with its group, at the latest by `flush()`.
    func add(_ row: consuming AccountRow) throws(StoreError) -> Int64 {
        let id = nextID
        nextID += 1
        rows.append(row)
        if rows.count == Self.rowsPerStatement {
            try insert(rows.count, with: groupInserts)
        }
        return id
    }

    /// Inserts the accounts still waiting for their group to fill.
    func flush() throws(StoreError) {
        while !rows.isEmpty { try insert(1, with: singleInserts) }
    }

    /// Inserts the first `count` waiting rows with statements made for `count` rows.
    private func insert(_ count: Int, with statements: (accounts: SQLiteStatement, states: SQLiteStatement))
        throws(StoreError)
    {
        let firstID = nextID - Int64(rows.count)
        try rows.withUnsafeBufferPointer { (waiting) throws(StoreError) in
            try bind(0, of: count, in: waiting, firstID: firstID, to: statements)
        }
        rows.removeFirst(count)
    }

    /// Binds row `index` and, nested in its bytes' scope, the rows after it;
    /// the innermost call runs both statements while every row's bytes are held.
    /// The rows are read through `waiting`, not copied out of the array: a
    /// copy retains the row's buffers, which the normalising thread that made
    /// them last touched, and that cost the store thread 4% of its perf samples.
    private func bind(
        _ index: Int, of count: Int, in waiting: UnsafeBufferPointer<AccountRow>, firstID: Int64,
        to statements: (accounts: SQLiteStatement, states: SQLiteStatement)
    ) throws(StoreError) {
        guard index < count else {
            defer { statements.accounts.reset() }
            try statements.accounts.step()
            defer { statements.states.reset() }
            try statements.states.step()
            return
        }
        try waiting[index].bytes.withUnsafeBufferPointer { buffer throws(StoreError) in
            let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
            let id = firstID + Int64(index)
            let accountFirst = Int32(index * Self.accountParameters)
            statements.accounts.bind(accountFirst + 1, id)
            FieldBinding.bindFields(of: waiting[index], bytes: base, to: statements.accounts, first: accountFirst + 2)
            let stateFirst = Int32(index * Self.stateParameters)
            let states = statements.states
            states.bind(stateFirst + 1, id)
            states.bindStatic(stateFirst + 2, UnsafeBufferPointer(rebasing: buffer[waiting[index].keyRange]))
            states.bind(stateFirst + 3, waiting[index].keyHash)
            states.bind(stateFirst + 4, waiting[index].contentHash)
            states.bind(stateFirst + 5, run)
            states.bind(stateFirst + 6, run)
            states.bindStatic(stateFirst + 7, UnsafeBufferPointer(rebasing: buffer[waiting[index].sourceRange]))
            try bind(index + 1, of: count, in: waiting, firstID: firstID, to: statements)
        }
    }

    private static let accountParameters = 1 + AccountRow.fieldCount
    private static let stateParameters = 7

    private static func accountInsert(rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: accountParameters).joined(separator: ", ") + ")"
        return "INSERT OR FAIL INTO accounts(id, " + AccountStore.fieldColumnList + ") VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    private static func stateInsert(rows: Int) -> String {
        """
        INSERT OR FAIL INTO account_state(account_id, natural_key, key_hash, content_hash, first_seen_run,
            last_seen_run, last_source) VALUES
        """ + " " + Array(repeating: "(?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
    }
}
