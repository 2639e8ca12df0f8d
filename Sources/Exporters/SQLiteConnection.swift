import CSQLite

#if canImport(Glibc)
import Glibc
#endif

/// One connection to a SQLite database file through libsqlite3. It owns the
/// handle and turns every SQLite failure into a `StoreError` naming the file.
final class SQLiteConnection {
    let path: String
    private(set) var handle: OpaquePointer?

    /// Process-wide SQLite settings, made once before the first connection:
    /// no memory statistics, and sorter runs of 1 MiB at most (16 pages of the
    /// store's 64 KiB; see `AccountStore.finishRun`).
    private static let configured: Void = {
        _ = mailmigrate_sqlite3_disable_memstatus()
        _ = mailmigrate_sqlite3_set_sorter_run_pages(16)
    }()

    /// Opens (creating if needed) the database. A new file is created with
    /// mode 0600 before SQLite touches it, because the store holds passwords;
    /// SQLite gives its WAL and shared-memory files the same mode.
    init(path: String, create: Bool) throws(StoreError) {
        Self.configured
        self.path = path
        if create {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                throw StoreError(path: path, message: "cannot create: \(String(cString: strerror(errno)))")
            }
            close(fd)
        }
        let flags = (create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE)
            | SQLITE_OPEN_NOMUTEX
        var db: OpaquePointer?
        let status = sqlite3_open_v2(path, &db, flags, nil)
        handle = db
        guard status == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            handle = nil
            throw StoreError(path: path, message: message)
        }
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, 5000)
    }

    deinit { sqlite3_close_v2(handle) }

    func execute(_ sql: String) throws(StoreError) {
        var error: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &error) != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)
            throw StoreError(path: path, message: message, busy: lastErrorIsBusy)
        }
    }

    func prepare(_ sql: String) throws(StoreError) -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
            let statement
        else { throw StoreError(path: path, message: "\(lastError) in: \(sql.prefix(80))", busy: lastErrorIsBusy) }
        return SQLiteStatement(connection: self, statement: statement)
    }

    /// A single integer a query returns (PRAGMA user_version, COUNT(*)).
    func integer(_ sql: String) throws(StoreError) -> Int64 {
        let statement = try prepare(sql)
        guard try statement.step() else { throw StoreError(path: path, message: "no result for: \(sql)") }
        return statement.int64(0)
    }

    /// A single text a query returns (PRAGMA journal_mode).
    func text(_ sql: String) throws(StoreError) -> String {
        let statement = try prepare(sql)
        guard try statement.step() else { throw StoreError(path: path, message: "no result for: \(sql)") }
        return statement.text(0)
    }

    /// How long a statement waits for another connection's lock.
    func setBusyTimeout(milliseconds: Int32) { sqlite3_busy_timeout(handle, milliseconds) }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    /// Whether the last error was another connection holding the database.
    var lastErrorIsBusy: Bool {
        let code = sqlite3_extended_errcode(handle) & 0xFF
        return code == SQLITE_BUSY || code == SQLITE_LOCKED
    }
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
}

/// A prepared statement, reused across rows: bind, step, reset.
final class SQLiteStatement {
    private unowned let connection: SQLiteConnection
    private let statement: OpaquePointer

    init(connection: SQLiteConnection, statement: OpaquePointer) {
        self.connection = connection
        self.statement = statement
    }

    deinit { sqlite3_finalize(statement) }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Empty text, bound without a copy: SQLite keeps the pointer, so it
    /// points at a static string, not at a temporary C string of a literal.
    private func bindEmptyText(_ index: Int32) {
        sqlite3_bind_text(statement, index, UnsafeRawPointer(Self.empty.utf8Start).assumingMemoryBound(to: CChar.self), 0, nil)
    }

    private static let empty: StaticString = ""

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(statement, index, value)
    }

    func bindNull(_ index: Int32) {
        sqlite3_bind_null(statement, index)
    }

    /// Binds text; empty text is bound as NULL when `emptyIsNull`.
    func bind(_ index: Int32, _ value: String, emptyIsNull: Bool = false) {
        if value.isEmpty && emptyIsNull {
            sqlite3_bind_null(statement, index)
            return
        }
        if value.isEmpty {
            bindEmptyText(index)
            return
        }
        var value = value
        value.withUTF8 { bytes in
            _ = sqlite3_bind_text(
                statement, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                Int32(bytes.count), Self.transient)
        }
    }

    /// Binds UTF-8 text that stays valid until the statement is reset (no
    /// copy); empty text is bound as NULL.
    func bindStatic(_ index: Int32, _ start: UnsafePointer<UInt8>, _ count: Int) {
        if count == 0 {
            sqlite3_bind_null(statement, index)
        } else {
            sqlite3_bind_text(
                statement, index, UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self), Int32(count), nil)
        }
    }

    /// `bindStatic` for a buffer; with `emptyIsNull` false, empty text is
    /// bound as empty text.
    func bindStatic(_ index: Int32, _ text: UnsafeBufferPointer<UInt8>, emptyIsNull: Bool = true) {
        if text.isEmpty && !emptyIsNull {
            bindEmptyText(index)
            return
        }
        bindStatic(index, text.baseAddress ?? UnsafePointer(bitPattern: 1)!, text.count)
    }

    /// Runs one step; true when a row is ready to read.
    @discardableResult
    func step() throws(StoreError) -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let message = connection.lastError
            let busy = connection.lastErrorIsBusy
            sqlite3_reset(statement)
            throw StoreError(path: connection.path, message: message, busy: busy)
        }
    }

    /// Makes the statement ready to run again. Bindings stay: every caller
    /// binds every parameter for each row, and clearing 60 of them per row
    /// costs measurably in a bulk import.
    func reset() {
        sqlite3_reset(statement)
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Whether the column's text is exactly these UTF-8 bytes (no String made).
    func text(_ column: Int32, equals expected: UnsafeBufferPointer<UInt8>) -> Bool {
        let bytes = sqlite3_column_text(statement, column)
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count == expected.count else { return false }
        guard count > 0, let bytes, let other = expected.baseAddress else { return true }
        return memcmp(bytes, other, count) == 0
    }
}
