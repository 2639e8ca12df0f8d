/// The target side of an imapsync batch: each target address (ignoring case)
/// with the row id of the first target account that has it, and whether a
/// source account was paired with it. The addresses live in a temporary
/// SQLite database whose page cache is all the memory it keeps, so that
/// pairing a million source accounts with a million targets takes as little
/// memory as pairing ten (the file has no name: SQLite deletes it when closed,
/// and the system if the process dies; a small one never leaves the cache).
/// No password goes into it: a pair's target account is read from its store
/// by row id when the pair is written.
public final class ImapsyncTargetIndex {
    private let db: SQLiteConnection
    private let insert: SQLiteStatement
    private let find: SQLiteStatement
    private let markPaired: SQLiteStatement
    private let findPaired: SQLiteStatement

    /// What errors name instead of the file, which has no name.
    static let label = "the temporary index of the target addresses"

    public convenience init() throws(StoreError) {
        try self.init(database: Self.named { () throws(StoreError) in try SQLiteConnection(path: "", create: false) })
    }

    /// With a given database (a test gives one that refuses to be written).
    init(database db: SQLiteConnection) throws(StoreError) {
        self.db = db
        (insert, find, markPaired, findPaired) = try Self.named { () throws(StoreError) in
            try db.execute("PRAGMA journal_mode = OFF")
            try db.execute("PRAGMA synchronous = OFF")
            try db.execute("PRAGMA cache_size = -8192")  // 8 MiB
            try db.execute(
                "CREATE TABLE target(key TEXT PRIMARY KEY, id INTEGER NOT NULL, paired INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID")
            try db.execute("BEGIN")
            return (
                try db.prepare("INSERT INTO target(key, id) VALUES (?, ?) ON CONFLICT DO NOTHING"),
                try db.prepare("SELECT id FROM target WHERE key = ?"),
                try db.prepare("UPDATE target SET paired = 1 WHERE key = ?"),
                try db.prepare("SELECT paired FROM target WHERE key = ?"))
        }
    }

    /// Adds a target account; the first account of an address is the one
    /// pairs are made with. An account without an address is not added.
    public func add(id: Int64, email: String) throws(StoreError) {
        guard !email.isEmpty else { return }
        insert.bind(1, Self.key(email))
        insert.bind(2, id)
        defer { insert.reset() }
        try Self.named { () throws(StoreError) in try insert.step() }
    }

    /// The row id of the target account with this address, or nil; the
    /// address counts as paired from then on.
    public func pair(_ email: String) throws(StoreError) -> Int64? {
        guard !email.isEmpty else { return nil }
        let key = Self.key(email)
        find.bind(1, key)
        defer { find.reset() }
        guard try Self.named({ () throws(StoreError) in try find.step() }) else { return nil }
        let id = find.int64(0)
        markPaired.bind(1, key)
        defer { markPaired.reset() }
        try Self.named { () throws(StoreError) in try markPaired.step() }
        return id
    }

    /// Whether a source account was paired with this target address.
    public func isPaired(_ email: String) throws(StoreError) -> Bool {
        findPaired.bind(1, Self.key(email))
        defer { findPaired.reset() }
        return try Self.named { () throws(StoreError) in try findPaired.step() } && findPaired.int64(0) == 1
    }

    /// `body`'s result; its error names the index instead of an empty path
    /// (a full temporary directory shows as "…: database error: database or disk is full").
    @discardableResult
    private static func named<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            throw StoreError(path: label, message: error.message, busy: error.busy)
        }
    }

    /// Addresses pair ignoring case, in Unicode's sense (`Müller@` and `MÜLLER@`).
    private static func key(_ email: String) -> String { email.lowercased() }
}
