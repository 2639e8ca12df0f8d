import Foundation
import Importers
import MailModel
import Testing

/// Broken dumps: a clear position and reason, the rows before the break kept,
/// never a crash or a hang.
@Suite struct DumpBadInputTests {
    func items(_ bytes: [UInt8], chunk: Int = .max) throws -> [ImportItem] {
        let reader = OpenXEDumpReader(stream: MemoryByteStream(bytes: bytes, name: "bad.sql", chunk: chunk))
        var out: [ImportItem] = []
        while let item = try reader.next() {
            out.append(item)
            if out.count > 1000 { Issue.record("no end"); break }
        }
        return out
    }

    func reject(_ item: ImportItem?) -> String? {
        if case .reject(let r) = item { return r.description }
        return nil
    }

    func email(_ item: ImportItem?) -> String? {
        if case .account(let a, _) = item { return a.identity.email }
        return nil
    }

    static let row1 = "(1,'A','','u','p','imap.example.de','smtp.example.de',0,0,'inbox.sent',993,3,0,0,'','',0,0,0,0,'',0,0,0,NULL,NULL,0,1,2,465,'','','','smtp','',0,1,0,'',0,NULL,'a@example.de')"

    /// Cut off inside a string of the second row: the first row stays.
    @Test(arguments: [1, 7, .max]) func cutOffInsideAString(chunk: Int) throws {
        let text = "-- dump\nINSERT INTO `emailbackup` VALUES \(Self.row1),\n(2,'Cut off her"
        let out = try items(Array(text.utf8), chunk: chunk)
        #expect(out.count == 2)
        #expect(email(out.first) == "a@example.de")
        let stringStart = text.utf8.count - "'Cut off her".utf8.count
        #expect(reject(out.last) == "bad.sql:3 (byte \(stringStart)): unterminated string (the dump ends inside it); the rest of the file cannot be read")
    }

    @Test func unterminatedStatement() throws {
        let text = "INSERT INTO emailbackup VALUES \(Self.row1)"
        let out = try items(Array(text.utf8))
        #expect(out.count == 2)
        #expect(email(out.first) == "a@example.de")
        #expect(reject(out.last) == "bad.sql:1 (byte \(text.utf8.count)): the dump ends inside the INSERT into emailbackup; the rest of the file cannot be read")
    }

    @Test func binaryGarbage() throws {
        var rng = SystemRandomNumberGenerator()
        var bytes: [UInt8] = Array("INSERT INTO emailbackup VALUES \(Self.row1);\n".utf8)
        let garbageAt = bytes.count
        bytes += [0xFF, 0xD8] + (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let out = try items(bytes, chunk: 4096)
        #expect(out.count == 2)
        #expect(email(out.first) == "a@example.de")
        #expect(reject(out.last) == "bad.sql:2 (byte \(garbageAt)): expected an SQL statement, found byte 0xFF (not a dump?); the rest of the file cannot be read")
    }

    /// Random bytes anywhere never crash or hang the reader (a smaller,
    /// always-run cousin of the fuzz target in Fuzz/).
    @Test func randomBytesNeverCrash() throws {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("INSERT INTO emailbackup VALUES ('\\\"`),;-#/*!\n0x_X'NULL CREATE TABLE DELIMITER $$ ".utf8)
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0...400, using: &rng)).map { _ in
                Bool.random(using: &rng) ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            let out = try items(bytes, chunk: Int.random(in: 1...64, using: &rng))
            #expect(out.count <= 1000)
        }
    }

    /// A value that is not UTF-8 rejects its row; the next row is read.
    @Test func invalidUTF8RejectsTheRow() throws {
        let row7 = Self.row1.replacingOccurrences(of: "(1,'A'", with: "(7,'CafX'")
        let row8 = Self.row1.replacingOccurrences(of: "(1,", with: "(8,")
        var raw = Array("INSERT INTO emailbackup VALUES \(row7),\n\(row8);\n".utf8)
        raw[raw.firstIndex(of: UInt8(ascii: "X"))!] = 0xE9  // Latin-1 é: not UTF-8
        let out = try items(raw)
        #expect(out.count == 2)
        #expect(reject(out.first) == "bad.sql:1 (emailbackup id=7): column angezeigtername is not valid UTF-8 (a dump in another character set? mysqldump --default-character-set=utf8mb4 writes UTF-8)")
        #expect(email(out.last) == "a@example.de")
    }

    /// A dump whose SET NAMES says latin1 (`mysqldump --default-character-set=latin1`)
    /// is read as MySQL's latin1 (Windows-1252); a value that is UTF-8 anyway
    /// (UTF-8 kept in latin1 columns) stays as it is. The default account's
    /// rows go through the other path and are read alike.
    @Test(arguments: [1, 7, .max]) func aLatin1DumpIsReadAsLatin1(chunk: Int) throws {
        let row2 = Self.row1.replacingOccurrences(of: "(1,'A','','u'", with: "(2,'M\u{1}ller \u{2}','','u'")
        let row3 = Self.row1.replacingOccurrences(of: "(1,'A','','u'", with: "(3,'Büro','Stra\u{3}e','u'")
        let text = """
            /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
            /*!40101 SET NAMES latin1 */;
            INSERT INTO `emailbackup` VALUES \(row2),\(row3);
            INSERT INTO `firmendaten` (`id`, `benutzername`, `host`, `port`, `mailssl`) VALUES (1,'J\u{1}rgen','smtp.example.de','587',1);
            INSERT INTO `firmendaten_werte` VALUES (1,'absendername','','','','Gr\u{1}n GmbH','',0,0),(2,'email','','','','info@example.de','',0,0);

            """
        let bytes = Array(text.utf8).map { [0x01: UInt8(0xFC), 0x02: 0x80, 0x03: 0xDF][$0] ?? $0 }
        let out = try items(bytes, chunk: chunk)
        let accounts = out.compactMap { item -> MailAccount? in if case .account(let a, _) = item { a } else { nil } }
        #expect(out.count == 3 && accounts.count == 3)
        #expect(accounts.map(\.identity.displayName) == ["Müller €", "Büro", "Grün GmbH"])
        #expect(accounts.map(\.identity.description) == ["", "Straße", ""])
        #expect(accounts.last?.outgoing.userName == "Jürgen")
        // Without the SET NAMES the same bytes are not UTF-8: rejected, with the hint.
        let plain = Array(bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropFirst(2).joined(separator: [0x0A]))
        let rejects = try items(plain, chunk: chunk).compactMap(reject)
        #expect(rejects.first == "bad.sql:1 (emailbackup id=2): column angezeigtername is not valid UTF-8 (a dump in another character set? mysqldump --default-character-set=utf8mb4 writes UTF-8)")
    }

    /// A row is checked as UTF-8 in one pass over its values' bytes, which
    /// lie one after the other: a value ending in the first byte of a
    /// sequence, followed by one starting with its last byte, reads as UTF-8
    /// when the two are joined, but neither value is UTF-8.
    @Test func aSequenceSplitAcrossTwoValuesRejectsTheRow() throws {
        let row9 = Self.row1.replacingOccurrences(of: "(1,'A','','u'", with: "(9,'CafX','Ynote','u'")
        var raw = Array("INSERT INTO emailbackup VALUES \(row9),\n\(Self.row1);\n".utf8)
        raw[raw.firstIndex(of: UInt8(ascii: "X"))!] = 0xC3  // the lead byte of ä …
        raw[raw.firstIndex(of: UInt8(ascii: "Y"))!] = 0xA4  // … and its continuation, in the next value
        let out = try items(raw)
        #expect(out.count == 2)
        #expect(reject(out.first) == "bad.sql:1 (emailbackup id=9): column angezeigtername is not valid UTF-8 (a dump in another character set? mysqldump --default-character-set=utf8mb4 writes UTF-8)")
        #expect(email(out.last) == "a@example.de")
    }

    /// A 50 MB line: skipped fast in another table; in emailbackup, a value
    /// beyond any OpenXE column is an error at its start, not 50 MB in memory.
    @Test func fiftyMegabyteLines() throws {
        let blob = [UInt8](repeating: UInt8(ascii: "A"), count: 50 << 20)
        var other = Array("INSERT INTO `firmenlogo` VALUES (1,'logo.png','".utf8) + blob + Array("');\n".utf8)
        other += Array("INSERT INTO emailbackup VALUES \(Self.row1);\n".utf8)
        let out = try items(other)
        #expect(out.count == 1 && email(out.first) == "a@example.de")

        let prefix = Array("INSERT INTO emailbackup VALUES (1,'".utf8)
        let huge = prefix + blob + Array("');\n".utf8)
        let broken = try items(huge)
        #expect(broken.count == 1)
        #expect(reject(broken.first) == "bad.sql:1 (byte \(prefix.count - 1)): a string longer than 16 MiB (a broken dump?); the rest of the file cannot be read")

        let noQuotes = [UInt8](repeating: UInt8(ascii: "("), count: 50 << 20)
        let garbage = try items(noQuotes)
        #expect(reject(garbage.first) == "bad.sql:1 (byte 0): expected an SQL statement, found byte 0x28 (not a dump?); the rest of the file cannot be read")
    }

    /// A gzip dump cut off: the rows in the part that inflates are kept.
    @Test func truncatedGzipDump() throws {
        let path = OpenXEFixtureTests.directory.appendingPathComponent("default.sql.gz").path
        let full = try Data(contentsOf: URL(fileURLWithPath: path))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dump-\(UUID().uuidString).sql.gz")
        try full.prefix(full.count / 2).write(to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let reader = try SourceFormat.openXEDump.reader(path: dir.path)
        var accounts = 0
        var last: ImportItem?
        while let item = try reader.next() {
            if case .account = item { accounts += 1 }
            last = item
        }
        #expect(accounts >= 1)
        let text = try #require(reject(last))
        #expect(text.contains("gzip stream truncated at compressed byte offset"), "\(text)")
        #expect(text.hasSuffix("; the rest of the file cannot be read"))
    }
}
