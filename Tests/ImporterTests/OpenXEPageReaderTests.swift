import Foundation
import Importers
import MailModel
import TestSupport
import Testing

/// Pages of OpenXE's web interface (made from the fixture rows by
/// scripts/openxe-pages.py) and `mysql --html` output import to the same
/// accounts as the SQL dump of those rows.
@Suite struct OpenXEPageReaderTests {
    static let directory = OpenXEFixtureTests.directory

    func read(_ name: String, includeDeleted: Bool = true) throws -> [ImportItem] {
        let path = Self.directory.appendingPathComponent(name).path
        let reader = try SourceFormat.of(path: path)!.reader(path: path, options: ReadOptions(includeDeleted: includeDeleted))
        var items: [ImportItem] = []
        while let item = try reader.next() { items.append(item) }
        return items
    }

    /// The accounts of the dump, by row id, without their origin.
    static let dumpAccounts: [String: MailAccount] = {
        let path = directory.appendingPathComponent("default.sql").path
        let reader = OpenXEDumpReader(stream: try! InputOpener.open(path), path: path, includeDeleted: true)
        var out: [String: MailAccount] = [:]
        while let item = try! reader.next() {
            if case .account(var account, let source) = item, let id = source.detail?.split(separator: "=").last {
                account.identity.origin = ""
                if source.detail!.hasPrefix("emailbackup") { out[String(id)] = account }
            }
        }
        return out
    }()

    func account(_ item: ImportItem) -> (MailAccount, SourceReference)? {
        guard case .account(var account, let source) = item else { return nil }
        account.identity.origin = ""
        return (account, source)
    }

    @Test(arguments: 1...7) func editPageGivesTheDumpAccount(id: Int) throws {
        let items = try read("pages/emailbackup-edit-\(id).html")
        #expect(items.count == 1)
        let (page, source) = try #require(account(items[0]))
        let dump = try #require(Self.dumpAccounts[String(id)])
        for field in CanonicalField.ordered {
            #expect(field.text(in: page) == field.text(in: dump), "row \(id) \(field.name)")
        }
        #expect(page.incoming.password.revealed() == dump.incoming.password.revealed())
        #expect(page == dump)
        #expect(source.detail == "emailbackup id=\(id)" && source.line != nil)
    }

    /// Page 1 is Windows-1252 without a declaration: detected, not mangled.
    @Test func aWindows1252PageIsDecoded() throws {
        let raw = try Data(contentsOf: Self.directory.appendingPathComponent("pages/emailbackup-edit-1.html"))
        #expect(String(data: raw, encoding: .utf8) == nil)
        let (page, _) = try #require(account(try read("pages/emailbackup-edit-1.html")[0]))
        #expect(page.identity.displayName == "Müller Maschinenbau GmbH")
        #expect(page.signature.html == "<p>Mit freundlichen Grüßen<br>{MITARBEITER}</p>")
    }

    @Test func deletedAccountPageIsSkippedByDefault() throws {
        let items = try read("pages/emailbackup-edit-4.html", includeDeleted: false)
        guard case .skipped(let source, _) = items.first else {
            Issue.record("\(items)")
            return
        }
        #expect(source.detail == "emailbackup id=4")
    }

    @Test func mysqlHTMLOutputGivesTheDumpAccounts() throws {
        let items = try read("emailbackup.html")
        #expect(items.count == 7)
        for item in items {
            let (page, source) = try #require(account(item))
            let id = String(source.detail!.split(separator: "=").last!)
            let dump = try #require(Self.dumpAccounts[id])
            for field in CanonicalField.ordered {
                #expect(field.text(in: page) == field.text(in: dump), "row \(id) \(field.name)")
            }
            #expect(page == dump)
        }
    }

    /// OpenXE's list shows eight columns; those become the same fields, the rest stays unset.
    @Test func theAccountListGivesItsColumns() throws {
        let items = try read("emailbackup-list.html")
        #expect(items.count == 6)  // the deleted row is not listed
        let held: [CanonicalField] = [
            .email, .displayName, .description, .incomingUser, .outgoingUser, .incomingHost, .outgoingHost,
            .incomingProtocol, .outgoingMethod, .ticketEnabled, .archiveEnabled,
        ]
        for item in items {
            let (page, source) = try #require(account(item))
            let id = String(source.detail!.split(separator: "=").last!)
            let dump = try #require(Self.dumpAccounts[id])
            for field in held { #expect(field.text(in: page) == field.text(in: dump), "row \(id) \(field.name)") }
            #expect(page.incoming.port == nil && page.incoming.security == nil && page.outgoing.security == nil)
            #expect(page.extras == [ExtraField(name: "emailbackup.id", value: id)])
        }
    }

    /// `mysql --html` of a table with columns the mapping does not have:
    /// their values are extras by name (NULL is none); an OpenXE list's
    /// other columns (its edit menu) are not data and stay out (above).
    @Test func aRawTablesOtherColumnsAreExtras() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("x.html", """
            <TABLE BORDER=1><TR><TH>id</TH><TH>email</TH><TH>kostenstelle</TH><TH>server</TH><TH>signatur_neu</TH></TR>
            <TR><TD>1</TD><TD>a@example.de</TD><TD>4100</TD><TD>imap.example.de</TD><TD>NULL</TD></TR>
            <TR><TD>2</TD><TD>b@example.de</TD><TD>NULL</TD><TD>imap.example.de</TD><TD>&lt;p&gt;Grüße&lt;/p&gt;</TD></TR></TABLE>

            """)
        let reader = try SourceFormat.openXEPage.reader(path: path)
        var extras: [[ExtraField]] = []
        while let item = try reader.next() {
            let (page, _) = try #require(account(item))
            #expect(page.incoming.host == "imap.example.de")
            extras.append(page.extras)
        }
        #expect(extras == [
            [ExtraField(name: "emailbackup.id", value: "1"), ExtraField(name: "kostenstelle", value: "4100")],
            [ExtraField(name: "emailbackup.id", value: "2"), ExtraField(name: "signatur_neu", value: "<p>Grüße</p>")],
        ])
    }

    @Test func aPageWithoutAccountsIsARejectNamingTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("page-\(UUID().uuidString).html")
        try Data("<html><body><h1>Login</h1><table><tr><th>Artikel</th><th>Preis</th></tr></table></body></html>".utf8).write(to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let reader = try SourceFormat.openXEPage.reader(path: dir.path)
        let item = try reader.next()
        guard case .reject(let reject) = item else {
            Issue.record("\(String(describing: item))")
            return
        }
        #expect(reject.description == "\(dir.path): no account form or account table found")
        #expect(try reader.next() == nil)
    }
}
