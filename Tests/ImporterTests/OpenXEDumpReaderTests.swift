import Foundation
import Importers
import MailModel
import Mappings
import TestSupport
import Testing

/// Every mysqldump variant of the fixtures imports to the accounts the
/// expected rows (as MariaDB returned them) map to, field by field.
@Suite struct OpenXEDumpReaderTests {
    static let directory = OpenXEFixtureTests.directory

    /// The expected rows, as column texts.
    static func expectedRows(_ table: String) throws -> [[String: String?]] { try OpenXEFixtures.rows(table) }

    func read(_ name: String, includeDeleted: Bool = false) throws -> [ImportItem] {
        let path = Self.directory.appendingPathComponent(name).path
        let reader = try SourceFormat.of(path: path)!.reader(path: path, options: ReadOptions(includeDeleted: includeDeleted))
        var items: [ImportItem] = []
        while let item = try reader.next() { items.append(item) }
        return items
    }

    @Test(arguments: [
        "default.sql", "default.sql.gz", "skip-extended-insert.sql", "complete-insert.sql", "compact.sql",
        "no-create-info.sql",
    ])
    func importsEveryAccountOfEveryVariant(name: String) throws {
        let items = try read(name)
        // 7 rows (one deleted) and the default account; without CREATE TABLE
        // the firmendaten columns are unknown: one reject says so instead.
        #expect(items.count == 8)
        let rows = try Self.expectedRows("emailbackup")
        var accountIndex = 0
        for row in rows {
            let id = row["id"]!!
            let item = items[accountIndex]
            accountIndex += 1
            if id == "4" {
                guard case let .skipped(source, reason) = item else {
                    Issue.record("row 4 (geloescht = 1) was not skipped: \(item)")
                    continue
                }
                #expect(source.detail == "emailbackup id=4")
                #expect(reason == "deleted in OpenXE (geloescht = 1); --include-deleted imports it")
                continue
            }
            guard case .account(var account, let source) = item else {
                Issue.record("row \(id): \(item)")
                continue
            }
            #expect(source.file.hasSuffix(name) && source.detail == "emailbackup id=\(id)" && source.line != nil)
            #expect(account.identity.origin == source.description)
            account.identity.origin = ""
            let expected = try EmailbackupMapping.account(from: row)
            for field in CanonicalField.ordered {
                #expect(field.text(in: account) == field.text(in: expected), "row \(id) \(field.name)")
            }
            #expect(account.incoming.password.revealed() == expected.incoming.password.revealed())
            #expect(account == expected)
        }
        if name == "no-create-info.sql" {
            guard case .reject(let reject) = items[7] else {
                Issue.record("\(items[7])")
                return
            }
            #expect(reject.description.hasSuffix("no-create-info.sql:\(reject.source.line!) (firmendaten): rows of firmendaten without column names (no column list and no CREATE TABLE before them): the default account cannot be read; dump with CREATE TABLE or --complete-insert"))
            return
        }
        guard case .account(let defaultAccount, let source) = items[7] else {
            Issue.record("no default account: \(items[7])")
            return
        }
        #expect(source.detail == "firmendaten id=2")
        #expect(defaultAccount.roles.isDefault && defaultAccount.identity.email == "noreply@becker-druck.de")
        #expect(defaultAccount.outgoing.host == "smtp.becker-druck.de")
        #expect(defaultAccount.identity.description == "")
    }

    @Test func exactPositions() throws {
        let items = try read("skip-extended-insert.sql")
        guard case .account(_, let first) = items[0], case .account(_, let second) = items[1] else {
            Issue.record("expected accounts")
            return
        }
        let data = try Data(contentsOf: Self.directory.appendingPathComponent("skip-extended-insert.sql"))
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[first.line! - 1].hasPrefix("INSERT INTO `emailbackup` VALUES (1,"))
        #expect(lines[second.line! - 1].hasPrefix("INSERT INTO `emailbackup` VALUES (2,"))
        #expect(first.description.hasSuffix("skip-extended-insert.sql:\(first.line!) (emailbackup id=1)"))
    }

    @Test func includeDeletedKeepsTheDeletedRow() throws {
        let items = try read("default.sql", includeDeleted: true)
        #expect(items.count == 8)
        guard case .account(let account, let source) = items[3] else {
            Issue.record("row 4: \(items[3])")
            return
        }
        #expect(source.detail == "emailbackup id=4")
        #expect(account.identity.email == "alt@example.de")
        #expect(account.extras.contains(ExtraField(name: "emailbackup.geloescht", value: "1")))
    }

    @Test func aDumpOfEmailbackupAloneHasNoDefaultAccount() throws {
        let items = try read("emailbackup-only.sql")
        #expect(items.count == 7)
        #expect(items.allSatisfy { if case .account(let a, _) = $0 { !a.roles.isDefault } else { true } })
    }

    /// Without CREATE TABLE and without column lists, emailbackup rows use
    /// OpenXE's documented column order; other tables cannot be read.
    @Test func rowsWithoutColumnNames() throws {
        let dump = """
            INSERT INTO `firmendaten` VALUES (3,'X','Y','u','p','h','25',0,'',0,'','');
            INSERT INTO `emailbackup` VALUES (9,'Name','','user','pw','imap.example.de','smtp.example.de',0,0,'inbox.sent',993,3,0,0,'','',0,0,0,0,'',0,0,0,NULL,NULL,0,1,2,465,'','','','smtp','',0,1,0,'',0,NULL,'a@example.de');

            """
        let reader = OpenXEDumpReader(stream: MemoryByteStream(dump, name: "x.sql"))
        var items: [ImportItem] = []
        while let item = try reader.next() { items.append(item) }
        #expect(items.count == 2)
        if case .account(let a, let source) = items[1] {
            #expect(a.identity.email == "a@example.de" && a.outgoing.port == 465 && source.description == "x.sql:2 (emailbackup id=9)")
        } else {
            Issue.record("\(items[1])")
        }
        if case .reject(let reject) = items[0] {
            #expect(reject.description == "x.sql:1 (firmendaten): rows of firmendaten without column names (no column list and no CREATE TABLE before them): the default account cannot be read; dump with CREATE TABLE or --complete-insert")
        } else {
            Issue.record("\(items[0])")
        }
    }

    /// Columns the mapping does not have (a later OpenXE version's, a
    /// customer's own) are kept as extras by their names; NULL is no value.
    @Test func columnsTheMappingDoesNotHaveAreKeptAsExtras() throws {
        func ownExtras(_ items: [ImportItem]) -> [String] {
            items.map { item in
                guard case .account(let a, _) = item else { return "not an account: \(item)" }
                return a.identity.email + " " + a.extras.filter { !$0.name.hasPrefix(EmailbackupMapping.rawPrefix) }
                    .map { "\($0.name)=\($0.value)" }.joined(separator: ",")
            }
        }
        let dump = """
            CREATE TABLE `emailbackup` (
              `id` int(11) NOT NULL AUTO_INCREMENT,
              `email` varchar(255) NOT NULL,
              `kostenstelle` varchar(16) DEFAULT NULL,
              `server` varchar(255) NOT NULL,
              `signatur_neu` text DEFAULT NULL,
              PRIMARY KEY (`id`)
            );
            INSERT INTO `emailbackup` VALUES (1,'a@example.de','4100','imap.example.de',NULL),(2,'b@example.de',NULL,'imap.example.de','<p>Grüße</p>');
            INSERT INTO `emailbackup` (`id`, `email`, `ticket_neu`) VALUES (3,'c@example.de',1);

            """
        let reader = OpenXEDumpReader(stream: MemoryByteStream(dump, name: "x.sql"))
        var items: [ImportItem] = []
        while let item = try reader.next() { items.append(item) }
        #expect(ownExtras(items) == [
            "a@example.de kostenstelle=4100", "b@example.de signatur_neu=<p>Grüße</p>", "c@example.de ticket_neu=1",
        ])
        // mysqldump --xml gives the same.
        let xml = """
            <?xml version="1.0"?>
            <mysqldump xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <database name="openxe">
            \t<table_data name="emailbackup">
            \t<row>
            \t\t<field name="id">1</field>
            \t\t<field name="email">a@example.de</field>
            \t\t<field name="kostenstelle">4100</field>
            \t\t<field name="signatur_neu" xsi:nil="true" />
            \t</row>
            \t</table_data>
            </database>
            </mysqldump>

            """
        let dir = TemporaryDirectory()
        let path = dir.file("x.xml", xml)
        let xmlReader = try SourceFormat.of(path: path)!.reader(path: path, options: ReadOptions())
        var xmlItems: [ImportItem] = []
        while let item = try xmlReader.next() { xmlItems.append(item) }
        #expect(ownExtras(xmlItems) == ["a@example.de kostenstelle=4100"])
    }

    @Test func aRowWithTheWrongNumberOfValuesIsRejected() throws {
        // The rejected row's values leave the batch's buffer again: the row
        // after it must read its own values, not the rejected one's.
        let dump = "INSERT INTO emailbackup (id, email) VALUES (1, 'a@example.de'), (2), (3, 'c@example.de');\n"
        let reader = OpenXEDumpReader(stream: MemoryByteStream(dump, name: "x.sql"))
        let first = try reader.next()
        let second = try reader.next()
        let third = try reader.next()
        if case .account(let a, _) = first { #expect(a.identity.email == "a@example.de") } else { Issue.record("\(String(describing: first))") }
        if case .reject(let r) = second {
            #expect(r.description == "x.sql:1 (emailbackup id=2): 1 values for the 2 columns of emailbackup")
        } else {
            Issue.record("\(String(describing: second))")
        }
        if case .account(let a, let source) = third {
            #expect(a.identity.email == "c@example.de")
            #expect(source.description == "x.sql:1 (emailbackup id=3)")
        } else {
            Issue.record("\(String(describing: third))")
        }
        #expect(try reader.next() == nil)
    }
}
