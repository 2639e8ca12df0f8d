import Foundation
import Importers
import MailModel
import Testing

/// The OpenXE fixtures made by scripts/openxe-fixtures (real MariaDB and mysqldump).
@Suite struct OpenXEFixtureTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/openxe")

    func readAll(_ stream: ByteStream) throws -> [UInt8] {
        var out: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 3000, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let n = try stream.read(into: buffer)
            if n == 0 { return out }
            out += buffer[0..<n]
        }
    }

    @Test func gzippedDumpInflatesToThePlainDump() throws {
        let plain = try Data(contentsOf: Self.directory.appendingPathComponent("default.sql"))
        let inflated = try readAll(InputOpener.open(Self.directory.appendingPathComponent("default.sql.gz").path))
        #expect(inflated.count == plain.count)
        #expect(inflated == Array(plain))
    }

    @Test func expectedValuesHoldEveryColumnOfEveryRow() throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent("expected-emailbackup.jsonl"), encoding: .utf8)
        let rows = try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(rows.count == 7)
        #expect(rows.allSatisfy { $0.count == 42 })
        #expect(rows[2]["angezeigtername"] as? String == "Kundenservice ?")  // utf8mb3 and OpenXE's empty SQL_MODE
        #expect(rows[3]["geloescht"] as? Int == 1)
    }

    /// An `emailbackup` still in latin1 (scripts/openxe-fixtures): row 1 holds
    /// UTF-8 written through a latin1 connection, row 2 real latin1. The default
    /// dump (UTF-8) keeps row 1 double-encoded, as MariaDB returns it; the
    /// latin1 dump gives both rows as they were written.
    @Test func aLatin1TableReadsAsWrittenFromItsLatin1Dump() throws {
        func accounts(_ fixture: String) throws -> [MailAccount] {
            let reader = OpenXEDumpReader(stream: try InputOpener.open(Self.directory.appendingPathComponent(fixture).path))
            var accounts: [MailAccount] = []
            while let item = try reader.next() {
                guard case .account(let account, _) = item else { Issue.record("\(item)"); continue }
                accounts.append(account)
            }
            return accounts
        }
        let asDumped = try accounts("legacy-default.sql")
        #expect(asDumped.map(\.identity.displayName) == ["MÃ¼ller Maschinenbau GmbH", "Bäckerei Groß"])
        let asWritten = try accounts("legacy-latin1.sql")
        #expect(asWritten.map(\.identity.displayName) == ["Müller Maschinenbau GmbH", "Bäckerei Groß"])
        #expect(asWritten.map(\.signature.html) == ["<p>Mit freundlichen Grüßen – Ihr Team</p>", "<p>Grüße aus der Backstube</p>"])
        #expect(asWritten.map { $0.incoming.password.revealed() } == ["Sommer2024!Mm", "Brötchen#7"])
    }
}
