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
/// Fields that every account so far has left empty are written as constants
/// in the group statement, not bound (see `constantFields`).
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

    private let db: SQLiteConnection
    /// The group statements; the one for accounts is made for the first
    /// group, when the fields it writes as constants are known.
    private var groupInserts: (accounts: SQLiteStatement?, states: SQLiteStatement)
    private let singleInserts: (accounts: SQLiteStatement, states: SQLiteStatement)
    /// The fields every group so far has left empty in all its accounts,
    /// which `groupInserts.accounts` writes as constants (nil before the first group).
    ///
    /// Most sources never fill some canonical fields (a spreadsheet layout
    /// has no column for them), and binding a parameter costs SQLite and us
    /// work per field and account even when it is NULL. The set only shrinks:
    /// a group with a value in one of its fields makes a statement without
    /// that field, used from then on (so at most one new statement per field).
    private var constantFields: FieldSet?
    private let run: Int64
    private var rows: [AccountRow] = []
    private var nextID: Int64

    /// For the run `run`, with the largest id now in `accounts` (0 when none).
    init(connection db: SQLiteConnection, run: Int64, largestID: Int64) throws(StoreError) {
        precondition(AccountRow.fieldCount <= 64, "a FieldSet holds at most 64 fields")
        self.db = db
        self.run = run
        nextID = largestID + 1
        groupInserts = (nil, try db.prepare(Self.stateInsert(rows: Self.rowsPerStatement)))
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
            let (accounts, constant) = try accountGroupInsert(for: rows)
            try insert(rows.count, with: (accounts, groupInserts.states), constant: constant)
        }
        return id
    }

    /// The statement that inserts `group` into `accounts` and the fields it
    /// writes as constants: the one made for an earlier group, unless this
    /// is the first group or fills one of those fields.
    private func accountGroupInsert(for group: [AccountRow]) throws(StoreError) -> (SQLiteStatement, FieldSet) {
        var empty = constantFields ?? .all
        for row in group { empty.formIntersection(row.emptyFields) }
        if let statement = groupInserts.accounts, empty == constantFields { return (statement, empty) }
        let statement = try db.prepare(Self.accountInsert(rows: Self.rowsPerStatement, constant: empty))
        groupInserts.accounts = statement
        constantFields = empty
        return (statement, empty)
    }

    /// Inserts the accounts still waiting for their group to fill.
    func flush() throws(StoreError) {
        while !rows.isEmpty { try insert(1, with: singleInserts) }
    }

    /// Inserts the first `count` waiting rows with statements made for `count` rows.
    private func insert(
        _ count: Int, with statements: (accounts: SQLiteStatement, states: SQLiteStatement), constant: FieldSet = []
    ) throws(StoreError) {
        let firstID = nextID - Int64(rows.count)
        let accountParameters = 1 + AccountRow.fieldCount - constant.count
        try rows.withUnsafeBufferPointer { (waiting) throws(StoreError) in
            try bind(
                0, of: count, in: waiting, firstID: firstID, to: statements,
                accountParameters: accountParameters, constant: constant)
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
        to statements: (accounts: SQLiteStatement, states: SQLiteStatement),
        accountParameters: Int, constant: FieldSet
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
            let accountFirst = Int32(index * accountParameters)
            statements.accounts.bind(accountFirst + 1, id)
            FieldBinding.bindFields(
                of: waiting[index], bytes: base, to: statements.accounts, first: accountFirst + 2, constant: constant)
            let stateFirst = Int32(index * Self.stateParameters)
            let states = statements.states
            states.bind(stateFirst + 1, id)
            states.bindStatic(stateFirst + 2, UnsafeBufferPointer(rebasing: buffer[waiting[index].keyRange]))
            states.bind(stateFirst + 3, waiting[index].keyHash)
            states.bind(stateFirst + 4, waiting[index].contentHash)
            states.bind(stateFirst + 5, run)
            states.bind(stateFirst + 6, run)
            states.bindStatic(stateFirst + 7, UnsafeBufferPointer(rebasing: buffer[waiting[index].sourceRange]))
            try bind(
                index + 1, of: count, in: waiting, firstID: firstID, to: statements,
                accountParameters: accountParameters, constant: constant)
        }
    }

    private static let stateParameters = 7

    /// `rows` accounts' INSERT, with a parameter for the id and each field
    /// but those in `constant`, which are written as what an empty text binds.
    private static func accountInsert(rows: Int, constant: FieldSet = []) -> String {
        let values = ["?"] + FieldBinding.kinds.indices.map { constant.contains($0) ? FieldBinding.kinds[$0].emptyLiteral : "?" }
        let row = "(" + values.joined(separator: ", ") + ")"
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
