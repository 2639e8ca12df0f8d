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
