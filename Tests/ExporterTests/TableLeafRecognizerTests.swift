import Foundation
import MailModel
import Testing
import TestSupport

@testable import Exporters

#if os(Linux)
import Glibc

/// Telling one table's leaf pages in an SQLite file from the rest, checked
/// page by page against SQLite's own list of which page is whose (`dbstat`).
@Suite struct TableLeafRecognizerTests {
    /// For every page of `path`: whether `dbstat` calls it a leaf of `table`.
    func leavesBySQLite(of table: String, in path: String) throws -> [Int: Bool] {
        let db = try SQLiteConnection(path: path, create: false)
        let pages = try db.prepare("SELECT pageno, name, pagetype FROM dbstat ORDER BY pageno")
        var leaves: [Int: Bool] = [:]
        while try pages.step() {
            leaves[Int(pages.int64(0))] = pages.text(1) == table && pages.text(2) == "leaf"
        }
        return leaves
    }

    /// For every page of `path`: whether the recognizer calls it a leaf.
    func leavesByRecognizer(_ recognizer: TableLeafRecognizer, in path: String) throws -> [Int: Bool] {
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let pageCount = Int(lseek(descriptor, 0, SEEK_END)) / recognizer.pageSize
        var leaves: [Int: Bool] = [:]
        for page in 1...pageCount {
            leaves[page] = recognizer.isLeaf(at: Int64((page - 1) * recognizer.pageSize), in: descriptor)
        }
        return leaves
    }

    /// Rows of a seven-column table, a twelve-column one, an eight-column one
    /// and an index, inserted in turns so that their pages interleave as a
    /// run's do: exactly the seven-column table's leaves are recognised.
    @Test func agreesWithSQLiteOnEveryPage() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/pages.sqlite"
        do {
            let db = try SQLiteConnection(path: path, create: true)
            try db.execute("PRAGMA page_size = 4096")
            try db.execute(
                """
                CREATE TABLE state(id INTEGER PRIMARY KEY, key TEXT, a INTEGER, b INTEGER, c INTEGER, d INTEGER, source TEXT);
                CREATE TABLE wide(id INTEGER PRIMARY KEY, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11);
                CREATE TABLE near(id INTEGER PRIMARY KEY, a, b, c, d, e, f, g);
                CREATE INDEX state_by_a ON state(a);
                BEGIN;
                """)
            let state = try db.prepare("INSERT INTO state VALUES (?, ?, ?, ?, 1, 1, ?)")
            let wide = try db.prepare(
                "INSERT INTO wide VALUES (?, 'a', 2, 'text of some length', NULL, 5, 6, 7, 8, 9, 10, 'eleven')")
            let near = try db.prepare("INSERT INTO near VALUES (?, 1, 2, 3, 'four', 5, 6, 7)")
            for id in 1...3000 {
                state.bind(1, Int64(id))
                state.bind(2, "key-\(id)|" + String(repeating: "k", count: id % 90))
                state.bind(3, Int64(id) &* 7_919 % 1_000_003)
                state.bind(4, -Int64(id))
                state.bind(5, "in.csv:\(id)")
                try state.step()
                state.reset()
                for statement in [wide, near] {
                    statement.bind(1, Int64(id))
                    try statement.step()
                    statement.reset()
                }
            }
            try db.execute("COMMIT")
        }
        let expected = try leavesBySQLite(of: "state", in: path)
        #expect(expected.values.filter { $0 }.count > 10)
        let found = try leavesByRecognizer(TableLeafRecognizer(pageSize: 4096, columnCount: 7), in: path)
        #expect(found == expected)
        // The eight-column table's leaves are told apart by their count alone.
        let nearLeaves = try leavesByRecognizer(TableLeafRecognizer(pageSize: 4096, columnCount: 8), in: path)
        #expect(nearLeaves == (try leavesBySQLite(of: "near", in: path)))
    }

    /// The store's own file: the release an append uses keeps exactly
    /// `account_state`'s leaves.
    @Test func theStoresReleaseKeepsTheAccountStatesLeaves() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/s.sqlite"
        let store = try AccountStore(path: path)
        _ = try store.beginRun(sources: ["in.csv"])
        for n in 1...2000 {
            var account = MailAccount()
            account.identity.email = "user\(n)@example.de"
            account.incoming.host = "imap.example.de"
            account.incoming.userName = "user\(n)"
            _ = try store.store(AccountRow(account: account, source: SourceReference(file: "in.csv", line: n + 1)))
        }
        let release = try store.pageRelease()
        _ = try store.finishRun()
        #expect(release.pageSize == 65536)
        let recognizer = try #require(release.keeping)
        let expected = try leavesBySQLite(of: "account_state", in: path)
        #expect(expected.values.filter { $0 }.count >= 2)
        #expect(try leavesByRecognizer(recognizer, in: path) == expected)
    }

    /// Cells as SQLite writes them: payload size, rowid, record header.
    @Test func recordColumnCountReadsTheRecordHeader() {
        // Header of 4 bytes: its size, then NULL, the integer 1, a text of 5 bytes.
        #expect(TableLeafRecognizer.recordColumnCount(cell: [9, 1, 4, 0, 9, 23, 104, 101, 108, 108, 111]) == 3)
        // Two-byte rowid and a two-byte serial type (a text of 100 bytes: 213).
        #expect(TableLeafRecognizer.recordColumnCount(cell: [0x81, 0x00, 0x81, 0x00, 4, 0, 0x81, 0x55]) == 2)
        // The cell ends inside the header: not a record this can count.
        #expect(TableLeafRecognizer.recordColumnCount(cell: [9, 1, 8, 0, 9]) == nil)
        // A serial type running past the header's end.
        #expect(TableLeafRecognizer.recordColumnCount(cell: [9, 1, 2, 0x81, 0x01]) == nil)
        #expect(TableLeafRecognizer.recordColumnCount(cell: []) == nil)
    }

    /// The first page holds the file header and the schema table: never a leaf of the table.
    @Test func theFirstPageIsNeverTheTables() throws {
        let dir = TemporaryDirectory()
        var page = [UInt8](repeating: 0, count: 4096)
        page[0] = 13
        page[4] = 1
        page[8] = 0x0F
        page[0xF00...0xF0A] = [20, 5, 8, 0, 1, 1, 1, 1, 1, 1, 0][...]
        let path = dir.file("one.sqlite", bytes: page + page)
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        let recognizer = TableLeafRecognizer(pageSize: 4096, columnCount: 7)
        #expect(!recognizer.isLeaf(at: 0, in: descriptor))
        #expect(recognizer.isLeaf(at: 4096, in: descriptor))
    }
}
#endif
