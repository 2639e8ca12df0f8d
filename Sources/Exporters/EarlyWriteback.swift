#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to start writing a database file's new pages to disk
/// while a run is still storing, instead of leaving them all to the sync at
/// commit. A million accounts make about 850 MB of pages; left to the end,
/// the commit waited 1.2 s for the disk with both cores idle. It only
/// starts the writing (Linux `sync_file_range` with `SYNC_FILE_RANGE_WRITE`):
/// durability still comes from SQLite's own sync at commit, and where the
/// call does not exist it does nothing. RocksDB's `bytes_per_sync` and
/// PostgreSQL's `backend_flush_after` do the same for the same reason.
final class EarlyWriteback {
    typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

    /// Looked up at run time: glibc has it, other C libraries may not, and
    /// Swift's Glibc module does not declare it.
    static let syncFileRange: SyncFileRange? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: SyncFileRange.self)
        #else
        return nil
        #endif
    }()

    /// `SYNC_FILE_RANGE_WRITE` in `<fcntl.h>`: start writing dirty pages, do not wait.
    private static let startWriting: UInt32 = 2

    /// How many rows are stored between two requests: about 7 MB of pages.
    static let rowsBetweenRequests = 8192

    private let paths: [String]
    /// Per path, its open descriptor (-1: not open yet; the WAL file may
    /// appear only later).
    private var descriptors: [Int32]
    private var rowsSinceRequest = 0

    /// For the database file at `path` and its write-ahead log, whichever
    /// the run's pages go to.
    init(databasePath path: String) {
        paths = [path, path + "-wal"]
        descriptors = [-1, -1]
    }

    deinit {
        for descriptor in descriptors where descriptor >= 0 { close(descriptor) }
    }

    /// Counts a stored row; every `rowsBetweenRequests` rows, asks for the
    /// files' dirty pages to be written. Returns what `request` returns, or
    /// 0 when it did not ask.
    @discardableResult
    func rowStored() -> Int {
        rowsSinceRequest += 1
        guard rowsSinceRequest >= Self.rowsBetweenRequests else { return 0 }
        rowsSinceRequest = 0
        return request()
    }

    /// Asks for the files' dirty pages to be written now, without waiting.
    /// Returns how many files the kernel took the request for (none where
    /// the call does not exist; the WAL file only once it exists).
    @discardableResult
    func request() -> Int {
        guard let syncFileRange = Self.syncFileRange else { return 0 }
        var accepted = 0
        for index in paths.indices {
            if descriptors[index] < 0 { descriptors[index] = open(paths[index], O_RDONLY | O_CLOEXEC) }
            if descriptors[index] >= 0, syncFileRange(descriptors[index], 0, 0, Self.startWriting) == 0 { accepted += 1 }
        }
        return accepted
    }
}
