import Testing
import TestSupport

@testable import Exporters

/// The request that starts the disk writing a run's pages early.
@Suite struct EarlyWritebackTests {
    #if os(Linux)
    @Test func glibcHasTheCall() {
        #expect(EarlyWriteback.syncFileRange != nil)
    }

    /// The database file is asked for at once; its WAL file once it exists.
    @Test func requestsReachEveryFileThatExists() {
        let dir = TemporaryDirectory()
        let database = dir.file("store.sqlite", bytes: Array(repeating: 7, count: 1 << 20))
        let writeback = EarlyWriteback(databasePath: database)
        #expect(writeback.request() == 1)
        dir.file("store.sqlite-wal", bytes: Array(repeating: 8, count: 1 << 16))
        #expect(writeback.request() == 2)
    }

    /// In a run that appends, the pages it wrote and handed to the disk at
    /// one request leave the page cache at the next one; pages written since
    /// stay (they may still be dirty), and so do the pages the file had
    /// before the run.
    @Test func pagesTheRunWroteLeaveThePageCacheOneRequestLater() throws {
        let dir = TemporaryDirectory()
        let database = dir.file("store.sqlite", bytes: Array(repeating: 7, count: 16 * PageCache.pageSize))
        try PageCache.writeToDisk(database)
        try #require(
            try PageCache.residentPages(of: database) == 16,
            "the test needs a file system that caches a written file (not tmpfs)")
        let writeback = EarlyWriteback(databasePath: database)
        writeback.startRun(releasing: .init(pageSize: Int64(PageCache.pageSize), keeping: nil))
        try PageCache.append(Array(repeating: 8, count: 256 * PageCache.pageSize), to: database)
        try PageCache.writeToDisk(database)
        writeback.request()  // notes where the file ends; releases nothing yet
        #expect(try PageCache.residentPages(of: database) == 16 + 256)
        try PageCache.append(Array(repeating: 9, count: 64 * PageCache.pageSize), to: database)
        writeback.request()
        #expect(try PageCache.residentPages(of: database) == 16 + 64)
        #expect(try PageCache.residentPages(of: database, from: (16 + 256) * PageCache.pageSize) == 64)
    }

    /// The pages of the table the run reads back at its end stay; the
    /// others around them go (here every fourth page is one of the table's
    /// leaves, made as SQLite makes them).
    @Test func pagesOfTheKeptTableStay() throws {
        let pageSize = PageCache.pageSize
        let dir = TemporaryDirectory()
        let database = dir.file("store.sqlite", bytes: Array(repeating: 7, count: 16 * pageSize))
        let writeback = EarlyWriteback(databasePath: database)
        let recognizer = TableLeafRecognizer(pageSize: pageSize, columnCount: 7)
        writeback.startRun(releasing: .init(pageSize: Int64(pageSize), keeping: recognizer))
        var leaf = [UInt8](repeating: 0, count: pageSize)
        leaf[0] = 13  // a table leaf
        leaf[4] = 1  // of one cell
        leaf[9] = 100  // at byte 100: payload size, rowid, then a header of seven columns
        leaf[100..<111] = [20, 5, 8, 0, 1, 1, 1, 1, 1, 1, 0][...]
        var other = leaf
        other[102] = 9  // a header of eight columns
        other[110] = 1
        // A write per page, as SQLite writes them: the kernel caches a larger
        // write in larger pieces, and releases none of a piece it is asked to
        // release only part of.
        for page in 0..<256 { try PageCache.append(page % 4 == 0 ? leaf : other, to: database) }
        try PageCache.writeToDisk(database)
        writeback.request()
        try PageCache.append(Array(repeating: 9, count: 64 * pageSize), to: database)
        try PageCache.writeToDisk(database)
        writeback.request()
        #expect(try PageCache.residentPages(of: database) == 16 + 64 + 64)
        for page in 0..<256 {
            let resident = try PageCache.residentPages(of: database, from: (16 + page) * pageSize, count: 1)
            #expect(resident == (page % 4 == 0 ? 1 : 0), "page \(page) of the run")
        }
    }

    /// A run on a filled store reads its pages again: none are released.
    @Test func aRunThatDoesNotOnlyAppendReleasesNothing() throws {
        let dir = TemporaryDirectory()
        let database = dir.file("store.sqlite", bytes: Array(repeating: 7, count: 16 * PageCache.pageSize))
        let writeback = EarlyWriteback(databasePath: database)
        writeback.startRun(releasing: nil)
        try PageCache.append(Array(repeating: 8, count: 256 * PageCache.pageSize), to: database)
        try PageCache.writeToDisk(database)
        try #require(try PageCache.residentPages(of: database) == 16 + 256)
        writeback.request()
        writeback.request()
        #expect(try PageCache.residentPages(of: database) == 16 + 256)
    }

    @Test func aMissingFileIsNoError() {
        let dir = TemporaryDirectory()
        let writeback = EarlyWriteback(databasePath: dir.path + "/not-there.sqlite")
        #expect(writeback.request() == 0)
    }

    /// Only every `rowsBetweenRequests`-th row asks: asking costs a system call per file.
    @Test func rowsAskOnlyEveryRowsBetweenRequests() {
        let dir = TemporaryDirectory()
        let database = dir.file("store.sqlite", bytes: [1, 2, 3])
        let writeback = EarlyWriteback(databasePath: database)
        var asked: [Int] = []
        for row in 1...(2 * EarlyWriteback.rowsBetweenRequests) where writeback.rowStored() > 0 {
            asked.append(row)
        }
        #expect(asked == [EarlyWriteback.rowsBetweenRequests, 2 * EarlyWriteback.rowsBetweenRequests])
    }
    #endif
}

#if os(Linux)
import Glibc

/// What the kernel's page cache holds of a file, for the tests above.
enum PageCache {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// How many of the file's pages from byte `offset` on (all, or `count`)
    /// are in the page cache (`mincore`).
    static func residentPages(of path: String, from offset: Int = 0, count: Int? = nil) throws -> Int {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(description: "cannot open \(path)") }
        defer { close(descriptor) }
        let length = count.map { $0 * pageSize } ?? Int(lseek(descriptor, 0, SEEK_END)) - offset
        guard length > 0 else { return 0 }
        guard let mapping = mmap(nil, length, PROT_READ, MAP_SHARED, descriptor, off_t(offset)), mapping != MAP_FAILED
        else { throw Failure(description: "cannot map \(path)") }
        defer { munmap(mapping, length) }
        var resident = [UInt8](repeating: 0, count: (length + pageSize - 1) / pageSize)
        guard mincore(mapping, length, &resident) == 0 else { throw Failure(description: "mincore failed on \(path)") }
        return resident.filter { $0 & 1 == 1 }.count
    }

    /// Writes the file's dirty pages to the disk and waits: clean pages are
    /// the ones the kernel can let go.
    static func writeToDisk(_ path: String) throws {
        let descriptor = open(path, O_RDWR)
        guard descriptor >= 0, fsync(descriptor) == 0 else { throw Failure(description: "cannot sync \(path)") }
        close(descriptor)
    }

    static func append(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND)
        guard descriptor >= 0 else { throw Failure(description: "cannot open \(path)") }
        defer { close(descriptor) }
        guard write(descriptor, bytes, bytes.count) == bytes.count else { throw Failure(description: "cannot append to \(path)") }
    }
}
#endif
