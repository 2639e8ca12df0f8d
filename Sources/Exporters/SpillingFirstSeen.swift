/// Where each key was first seen, for a batch rule over more accounts than
/// memory should hold (`validate` of a million accounts): the first
/// `memoryLimit` keys in a dictionary, and once there are more, every key
/// in a temporary SQLite database on disk, whose page cache is the only
/// memory it keeps. The file has no name (SQLite's private temporary
/// database: deleted when closed, and by the system if the process dies).
///
/// When the temporary database cannot be made or written (a full `/tmp`),
/// the keys stay in memory from then on and `diskFailure` says why: the
/// batch still gets every finding, at the cost of memory.
public final class SpillingFirstSeen: @unchecked Sendable {
    /// Keys held in memory before they move to disk.
    public static let defaultMemoryLimit = 10_000

    private let memoryLimit: Int
    private let openDatabase: () throws(StoreError) -> SQLiteConnection
    private var inMemory: [String: String] = [:]
    private var disk: (db: SQLiteConnection, insert: SQLiteStatement, find: SQLiteStatement)?
    /// Why the keys could not be kept on disk, once that happened.
    public private(set) var diskFailure: String?

    public convenience init(memoryLimit: Int = SpillingFirstSeen.defaultMemoryLimit) {
        self.init(memoryLimit: memoryLimit) { () throws(StoreError) in try SQLiteConnection(path: "", create: false) }
    }

    /// With the database `openDatabase` opens (tests give one that fails).
    init(memoryLimit: Int, openDatabase: @escaping () throws(StoreError) -> SQLiteConnection) {
        self.memoryLimit = memoryLimit
        self.openDatabase = openDatabase
    }

    /// Whether the keys are on disk now.
    public var isOnDisk: Bool { disk != nil }

    /// The source `key` was first seen at, or nil when this is the first time
    /// (and then `source` is remembered for it).
    public func previous(for key: String, source: String) -> String? {
        if let disk {
            do throws(StoreError) {
                return try Self.previous(for: key, source: source, on: disk)
            } catch {
                giveUpDisk(error)
            }
        }
        if let first = inMemory[key] { return first }
        inMemory[key] = source
        if inMemory.count > memoryLimit, diskFailure == nil { moveToDisk() }
        return nil
    }

    private static func previous(
        for key: String, source: String, on disk: (db: SQLiteConnection, insert: SQLiteStatement, find: SQLiteStatement)
    ) throws(StoreError) -> String? {
        disk.insert.bind(1, key)
        disk.insert.bind(2, source)
        defer { disk.insert.reset() }
        if try disk.insert.step() { return nil }  // a row comes back only when it was inserted
        disk.find.bind(1, key)
        defer { disk.find.reset() }
        return try disk.find.step() ? disk.find.text(0) : nil
    }

    private func moveToDisk() {
        do throws(StoreError) {
            let db = try openDatabase()
            try db.execute("PRAGMA journal_mode = OFF")
            try db.execute("PRAGMA synchronous = OFF")
            try db.execute("PRAGMA cache_size = -8192")  // 8 MiB
            try db.execute("CREATE TABLE seen(key TEXT PRIMARY KEY, source TEXT NOT NULL) WITHOUT ROWID")
            try db.execute("BEGIN")
            let disk = (
                db: db,
                insert: try db.prepare("INSERT INTO seen(key, source) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING 1"),
                find: try db.prepare("SELECT source FROM seen WHERE key = ?"))
            for (key, source) in inMemory { _ = try Self.previous(for: key, source: source, on: disk) }
            self.disk = disk
            inMemory = [:]
        } catch {
            giveUpDisk(error)
        }
    }

    /// Back to memory: the keys on disk come along as far as they can be read.
    private func giveUpDisk(_ error: StoreError) {
        diskFailure = error.message
        if let disk {
            if let all = try? disk.db.prepare("SELECT key, source FROM seen") {
                while (try? all.step()) == true { inMemory[all.text(0)] = all.text(1) }
            }
        }
        disk = nil
    }
}
