import Foundation
import Importers
import Testing

/// The dump reader against real mysqldump output (Tests/Fixtures/openxe, made
/// by scripts/openxe-fixtures), compared with what MariaDB itself returned.
@Suite struct MySQLDumpReaderTests {
    static let directory = OpenXEFixtureTests.directory

    static func expected(_ table: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: directory.appendingPathComponent("expected-\(table).jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// A table's column order as created, from the order JSON_OBJECT kept in the
    /// expected values (for dumps without CREATE TABLE and column lists; the
    /// OpenXE mapping will know it for emailbackup from OpenXE's documentation).
    static func columnOrder(_ table: String) -> [String] {
        let first = try! String(contentsOf: directory.appendingPathComponent("expected-\(table).jsonl"), encoding: .utf8)
            .split(separator: "\n")[0]
        var names: [String] = []
        var rest = Substring(first)
        // Keys are the strings followed by ':' at the top level; values here hold no '": '.
        while let start = rest.range(of: "\"") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            let candidate = after[..<end]
            let tail = after[after.index(after: end)...]
            if tail.hasPrefix(": ") { names.append(String(candidate)) }
            rest = tail
        }
        return names
    }

    static let emailbackupColumns = columnOrder("emailbackup")

    /// Every row of `tables` in the dump, as column name → value.
    static func rows(_ file: String, tables: Set<String>) throws -> [String: [[String: SQLValue]]] {
        let reader = MySQLDumpReader(stream: try InputOpener.open(directory.appendingPathComponent(file).path), tables: tables)
        var columns: [String: [String]] = [:]
        var result: [String: [[String: SQLValue]]] = [:]
        while let event = try reader.next() {
            switch event {
            case let .table(name, cols, _):
                columns[name] = cols
            case let .row(table, cols, values, _):
                let names = cols ?? columns[table] ?? columnOrder(table)
                #expect(names.count == values.count, "\(file): \(table) row has \(values.count) values for \(names.count) columns")
                result[table, default: []].append(Dictionary(uniqueKeysWithValues: zip(names, values)))
            }
        }
        return result
    }

    static func matches(_ value: SQLValue?, _ expected: Any?) -> Bool {
        switch (value, expected) {
        case (.null?, is NSNull): return true
        case let (.number(n)?, e as NSNumber): return Int(n) == e.intValue
        case let (.string(bytes)?, e as String): return String(decoding: bytes, as: UTF8.self) == e
        default: return false
        }
    }

    @Test(arguments: [
        "default.sql", "default.sql.gz", "skip-extended-insert.sql", "complete-insert.sql", "compact.sql",
        "no-create-info.sql", "emailbackup-only.sql",
    ])
    func everyVariantGivesEveryColumnOfEveryRow(file: String) throws {
        let found = try Self.rows(file, tables: ["emailbackup", "firmendaten", "firmendaten_werte"])
        let tables = file == "emailbackup-only.sql" ? ["emailbackup"] : ["emailbackup", "firmendaten", "firmendaten_werte"]
        for table in tables {
            let expected = try Self.expected(table)
            let rows = found[table] ?? []
            #expect(rows.count == expected.count, "\(file): \(table)")
            for (row, want) in zip(rows, expected) {
                #expect(row.count == want.count, "\(file): \(table) id \(want["id"] ?? "?")")
                for (column, value) in want where !Self.matches(row[column], value) {
                    Issue.record("\(file): \(table) id \(want["id"] ?? "?") column \(column): \(String(describing: row[column])) != \(value)")
                }
            }
        }
        #expect(Self.emailbackupColumns.count == 42)
    }

    @Test func createTableGivesTheColumnsInOrder() throws {
        let reader = MySQLDumpReader(stream: try InputOpener.open(Self.directory.appendingPathComponent("default.sql").path),
                                     tables: ["emailbackup"])
        guard case let .table(name, columns, line)? = try reader.next() else {
            Issue.record("no CREATE TABLE")
            return
        }
        #expect(name == "emailbackup")
        #expect(columns == Self.emailbackupColumns)
        #expect(line > 1)
    }

    @Test func binaryDataIsReadAsBytesWhenAskedForAndSkippedOtherwise() throws {
        let logo = try Self.rows("default.sql", tables: ["firmenlogo"])["firmenlogo"] ?? []
        #expect(logo.count == 1)
        guard case .string(let bytes)? = logo.first?["logo"] else {
            Issue.record("no logo bytes")
            return
        }
        var want: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        for _ in 0..<400 { want += [0x00, 0x27, 0x5C, 0x22, 0x27, 0x0A, 0x0D, 0x1A, 0x5C, 0x5C, 0x00, 0x27, 0xFF] }
        #expect(bytes == want)
    }

    func events(_ text: String, tables: Set<String> = ["t"]) throws(DumpError) -> [MySQLDumpReader.Event] {
        let reader = MySQLDumpReader(stream: MemoryByteStream(text, name: "d.sql", chunk: 3), tables: tables)
        var all: [MySQLDumpReader.Event] = []
        while let e = try reader.next() { all.append(e) }
        return all
    }

    @Test func escapesLiteralsCommentsAndDelimiters() throws {
        let text = #"""
            -- comment
            /*!40101 SET NAMES utf8mb4 */;
            # another comment
            DELIMITER ;;
            CREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 'x;y'; END ;;
            DELIMITER ;
            INSERT IGNORE INTO `t` (`a`,`b`) VALUES ('a\0b\'c\"d\be\nf\rg\th\Zi\\j\%k\_l''m',0x4142),
            (_binary 'x',X'43'),(NULL,-1.5e3);
            REPLACE INTO `other` VALUES ('skip ); me');
            INSERT INTO t VALUES ("dq ""x""",7);
            """#
        let all = try events(text)
        #expect(all == [
            .row(table: "t", columns: ["a", "b"], values: [
                .string(Array("a\u{0}b'c\"d\u{8}e\nf\rg\th\u{1A}i\\j\\%k\\_l'm".utf8)), .hex([0x41, 0x42]),
            ], line: 7),
            .row(table: "t", columns: ["a", "b"], values: [.string([0x78]), .hex([0x43])], line: 8),
            .row(table: "t", columns: ["a", "b"], values: [.null, .number("-1.5e3")], line: 8),
            .row(table: "t", columns: nil, values: [.string(Array("dq \"x\"".utf8)), .number("7")], line: 10),
        ])
    }

    /// The character set comes from the last SET NAMES, in a conditional
    /// comment (as mysqldump writes it) or as a statement; other SETs leave it.
    @Test func setNamesGivesTheCharacterSet() throws {
        func characterSet(_ text: String) throws -> String? {
            let reader = MySQLDumpReader(stream: MemoryByteStream(text, name: "d.sql", chunk: 3), tables: ["t"])
            while try reader.next() != nil {}
            return reader.characterSet
        }
        #expect(try characterSet("/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\nINSERT INTO t VALUES (1);") == nil)
        #expect(try characterSet("/*!40101 SET NAMES latin1 */;\n/*!40101 SET character_set_client = utf8 */;\nINSERT INTO t VALUES (1);") == "latin1")
        #expect(try characterSet("/*!40101 SET NAMES utf8mb4 */;\nSET NAMES LATIN1;\nSET @x = 1;\n") == "latin1")
        #expect(try characterSet("/*!50503 SET NAMES utf8mb4 */;\n") == "utf8mb4")
    }

    @Test func nullInAnyCaseAndWordsThatOnlyStartWithIt() throws {
        #expect(try events("INSERT INTO t VALUES (null,NULL,Null ,1);") == [
            .row(table: "t", columns: nil, values: [.null, .null, .null, .number("1")], line: 1),
        ])
        #expect(throws: DumpError(path: "d.sql", line: 1, offset: 26, message: "expected a value of t, found 'NULLS'")) {
            _ = try events("INSERT INTO t VALUES (1,2,NULLS);")
        }
    }

    /// Strings are searched eight bytes at a time for their quote or a
    /// backslash: every position of the stop byte in a word, and across reads.
    @Test func aStringEndsWhereverItsQuoteOrBackslashFalls() throws {
        for length in 0..<20 {
            let body = String(repeating: "abcdefghij", count: 3).prefix(length)
            for chunk in [5, 4096] {
                let text = "INSERT INTO t VALUES ('\(body)','\(body)\\n\(body)','\(body)''x');"
                let reader = MySQLDumpReader(stream: MemoryByteStream(text, name: "d.sql", chunk: chunk), tables: ["t"])
                #expect(try reader.next() == .row(table: "t", columns: nil, values: [
                    .string(Array(body.utf8)), .string(Array("\(body)\n\(body)".utf8)), .string(Array("\(body)'x".utf8)),
                ], line: 1))
            }
        }
    }

    @Test func aDumpCutOffInsideAStringNamesWhereTheStringStarts() throws {
        let text = "INSERT INTO `t` VALUES ('ok',1),\n('cut off"
        let reader = MySQLDumpReader(stream: MemoryByteStream(text, name: "d.sql"), tables: ["t"])
        #expect(try reader.next() == .row(table: "t", columns: nil, values: [.string(Array("ok".utf8)), .number("1")], line: 1))
        #expect(throws: DumpError(path: "d.sql", line: 2, offset: 34, message: "unterminated string (the dump ends inside it)")) {
            _ = try reader.next()
        }
    }

    @Test func anUnterminatedStatementAndGarbageAreClearErrors() throws {
        #expect(throws: DumpError(path: "d.sql", line: 1, offset: 30, message: "the dump ends inside the INSERT into t")) {
            _ = try events("INSERT INTO `t` VALUES (1,'a')")
        }
        #expect(throws: DumpError(path: "d.sql", line: 1, offset: 26, message: "expected a value of t, found '@'")) {
            _ = try events("INSERT INTO `t` VALUES (1,@@@);")
        }
        // A statement of other words is skipped; one that is not SQL at all is an error.
        #expect(try events("garbage ÿ \u{1};\nINSERT INTO u VALUES ('x');", tables: ["t"]).isEmpty)
        #expect(throws: DumpError(path: "d.sql", line: 2, offset: 3, message: "expected an SQL statement, found byte 0x1 (not a dump?)")) {
            _ = try events("x;\n\u{1}\u{2}garbage;", tables: ["t"])
        }
    }
}
