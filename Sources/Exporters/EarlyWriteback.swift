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
///
/// In a run that only appends (on an empty store), the pages written by one
/// request leave the page cache at the next (see `releaseWrittenPages`), but
/// for those of the table the run reads back at its end: the run's database
/// does not crowd the rest of the machine out of memory, and its writes
/// reuse the pages it let go.
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
    /// How the current run's written pages leave the page cache; nil: they stay.
    private var release: PageRelease?
    /// The database file's size at the previous request: its pages up to
    /// there were handed to the disk then, and are released at this one.
    private var releasableEnd: Int64 = 0
    /// Where the pages not yet looked at start.
    private var releasedEnd: Int64 = 0
    /// The byte ranges released at the previous request, released once more
    /// at this one: the kernel keeps pages that were still being written.
    private var releasedLast: [Range<Int64>] = []

    /// Which written pages leave the page cache.
    struct PageRelease {
        /// The database's page size (`PRAGMA page_size`): pages are looked at one by one.
        let pageSize: Int64
        /// The pages that stay (a table read at the end of the run), or nil for none.
        let keeping: TableLeafRecognizer?
    }

    /// For the database file at `path` and its write-ahead log, whichever
    /// the run's pages go to.
    init(databasePath path: String) {
        paths = [path, path + "-wal"]
        descriptors = [-1, -1]
    }

    deinit {
        for descriptor in descriptors where descriptor >= 0 { close(descriptor) }
    }

    /// Starts a run. Only a run that appends to an empty store releases its
    /// pages (`release` not nil): a run on a filled store reads the pages it
    /// finds (the key index, the accounts' state) again and again, and
    /// released they came back from the disk each time (a second run of 1M
    /// unchanged accounts took 18.8 s instead of 9.3–10.4 s). Pages the file
    /// had before the run stay too.
    func startRun(releasing release: PageRelease?) {
        self.release = release
        var status = stat()
        let size = stat(paths[0], &status) == 0 ? Int64(status.st_size) : 0
        let pageSize = release?.pageSize ?? 1
        releasableEnd = (size + pageSize - 1) / pageSize * pageSize
        releasedEnd = releasableEnd
        releasedLast = []
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
        releaseWrittenPages()
        return accepted
    }

    /// Takes the database file's pages that the run wrote and that went to
    /// the disk at the request before this one out of the page cache
    /// (`POSIX_FADV_DONTNEED`), but for the pages `release.keeping` recognises.
    ///
    /// A run that appends writes a database far larger than what it reads back, and the
    /// kernel hands the freed pages straight to the run's next writes. Kept
    /// cached, the pages of a large run push the rest of the machine's work
    /// out of memory (a nightly cron host), and every write needs a page the
    /// kernel has not used lately, which on a virtual machine that returns
    /// free memory to its host is a fault into the host each time. Measured
    /// here writing 1 GB in 64 KiB pieces: 2.5–3.0 s of system time kept,
    /// 0.4 s released. Pages still dirty or being written are left alone by
    /// the kernel; each range is released again at the next request. The WAL
    /// file is not touched: its checkpoint reads it back.
    private func releaseWrittenPages() {
        #if os(Linux)
        let descriptor = descriptors[0]
        guard let release, descriptor >= 0 else { return }
        var ranges: [Range<Int64>] = []
        var start = releasedEnd
        var page = releasedEnd
        while page + release.pageSize <= releasableEnd {
            if let keeping = release.keeping, keeping.isLeaf(at: page, in: descriptor) {
                if start < page { ranges.append(start..<page) }
                start = page + release.pageSize
            }
            page += release.pageSize
        }
        if start < page { ranges.append(start..<page) }
        releasedEnd = page
        for range in releasedLast + ranges {
            _ = posix_fadvise(descriptor, off_t(range.lowerBound), off_t(range.count), Int32(POSIX_FADV_DONTNEED))
        }
        releasedLast = ranges
        let end = lseek(descriptor, 0, SEEK_END)
        if end >= 0 { releasableEnd = Int64(end) }
        #endif
    }
}
