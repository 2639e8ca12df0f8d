import MailModel
import Mappings
import Testing

@Suite struct DefaultAccountMappingTests {
    func newestCompanyRow() throws -> [String: String?] {
        try OpenXEFixtureRows.rows("firmendaten").max { Int($0["id"]!!)! < Int($1["id"]!!)! }!
    }

    func values() throws -> [String: String] {
        var out: [String: String] = [:]
        for row in try OpenXEFixtureRows.rows("firmendaten_werte") { out[row["name"]!!] = row["wert"]!! }
        return out
    }

    @Test func readsTheDefaultSendingAccount() throws {
        let a = try DefaultAccountMapping.account(company: newestCompanyRow(), values: values())
        #expect(a.roles.isDefault)
        #expect(a.identity.email == "noreply@becker-druck.de")
        #expect(a.identity.displayName == "Becker Druck – Auftragsbestätigung")
        #expect(a.outgoing.senderName == "Becker Druck – Auftragsbestätigung")
        #expect(a.outgoing.enabled && a.outgoing.method == .smtp)
        #expect(a.outgoing.host == "smtp.becker-druck.de" && a.outgoing.port == 587 && a.outgoing.security == .starttls)
        #expect(a.outgoing.userName == "noreply@becker-druck.de" && a.outgoing.authentication == .password)
        #expect(a.outgoing.password.revealed() == "Druck'Sache\\2024")
        #expect(a.outgoing.bcc == ["archiv@becker-druck.de"])
        #expect(a.signature.html == "<p>Becker Druck GmbH<br>Grüße aus Köln</p>" && a.signature.enabled)
        #expect(a.incoming.host == "" && a.extras == [])
    }

    @Test func systemMailAndItsWayBack() throws {
        let old = try OpenXEFixtureRows.rows("firmendaten").first { $0["id"] == "1" }!
        let a = try DefaultAccountMapping.account(company: old, values: [:])
        #expect(a.outgoing.method == .systemMail && a.outgoing.port == 25 && a.outgoing.security == ConnectionSecurity.none)
        #expect(a.signature.html == "<p>Alt</p>")
        #expect(DefaultAccountMapping.companyRow(for: a) == ["alt", "alt", "smtp.alt.de", "25", "0", "PHA+QWx0PC9wPg==", "1", "", ""])
        #expect(DefaultAccountMapping.lostFields(of: a) == [])
    }

    @Test func rejectsABadPortAndBadBase64() throws {
        var row = try newestCompanyRow()
        row["port"] = "submission"
        #expect(throws: OpenXEValueError(column: "port", value: "submission", expected: "a port number")) {
            try DefaultAccountMapping.account(company: row, values: [:])
        }
        row["port"] = "587"
        row["signatur"] = "/////"
        #expect(throws: OpenXEValueError(column: "signatur", value: "/////", expected: "base64-encoded UTF-8")) {
            try DefaultAccountMapping.account(company: row, values: [:])
        }
    }
}
