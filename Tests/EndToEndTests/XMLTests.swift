import Foundation
import TestSupport
import Testing

@Suite struct XMLTests {
    typealias MM = MailMigrateBinary

    /// samples/xml/accounts.xml, the README's example of the account XML.
    @Test func theSampleXMLImports() throws {
        let dir = TemporaryDirectory()
        let run = try MM.run(["run", "--quiet", MM.samples + "/xml/accounts.xml"], in: dir.path)
        #expect(run.status == 0, "\(run.stderr)")
        let export = try MM.run(["export", "--to", "jsonl", "--include-secrets"], in: dir.path)
        let rows = try export.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(rows.count == 2)
        #expect(rows[0]["email"] as? String == "einkauf@schulte-metall.de")
        #expect(rows[0]["incoming_password"] as? String == "Blech&Bolzen7")
        #expect(rows[0]["outgoing_port"] as? Int == 587 && rows[0]["outgoing_security"] as? String == "starttls")
        #expect(rows[0]["outgoing_bcc"] as? [String] == ["archiv@schulte-metall.de"])
        #expect(rows[0]["signature_html"] as? String == "<p>Mit freundlichen Grüßen<br>{MITARBEITER}</p>")
        #expect(rows[0]["extras"] as? [String: String] == ["Kostenstelle": "4100"])
        #expect(rows[1]["incoming_protocol"] as? String == "pop3" && rows[1]["incoming_delete_on_server"] as? Bool == true)
        #expect(rows[1]["ticket_queue"] as? String == "Service" && rows[1]["outgoing_enabled"] as? Bool == false)
    }

    /// export --to xml, then import: the same accounts, every field.
    @Test func xmlRoundTripKeepsEveryField() throws {
        let dir = TemporaryDirectory()
        let fixtures = MM.packageRoot.appendingPathComponent("Tests/Fixtures/openxe/default.sql").path
        try MM.run(["run", "--quiet", MM.samples, fixtures, "--include-deleted"], in: dir.path)
        let xml = try MM.run(["export", "--to", "xml", "--include-secrets", "-o", "all.xml.gz"], in: dir.path)
        #expect(xml.status == 0)
        let back = try MM.run(["run", "--quiet", "all.xml.gz", "--db", "back.sqlite"], in: dir.path)
        #expect(back.status == 0, "\(back.stderr)")
        let a = try MM.run(["export", "--to", "jsonl", "--include-secrets"], in: dir.path).stdout
        let b = try MM.run(["export", "--to", "jsonl", "--include-secrets", "--db", "back.sqlite"], in: dir.path).stdout
        #expect(a.split(separator: "\n").count == 30)
        #expect(a == b)
    }
}
