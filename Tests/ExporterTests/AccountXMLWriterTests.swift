import Foundation
import Importers
import MailModel
import Testing

@testable import Exporters

@Suite struct AccountXMLWriterTests {
    /// An account with every kind of field and the hard characters.
    var account: MailAccount {
        var a = MailAccount()
        a.identity.email = "info@müller.de"
        a.identity.displayName = "Müller & <Söhne> \"GmbH\""
        a.identity.description = "  two spaces, a CR\r\nand a tab\t, ]]> too"
        a.identity.origin = "x.csv:2"
        a.incoming.protocolKind = .imap
        a.incoming.port = 70000
        a.incoming.security = .unrecognized("SSL/TLS")
        a.incoming.password = Secret("P<a>ss&\"w'rd")
        a.incoming.fetchFrom = CalendarDate(year: 2024, month: 2, day: 29)
        a.outgoing.bcc = ["a@example.de", "b;c@example.de"]
        a.outgoing.debug = true
        a.signature.html = "<p>Grüße 😀</p>\n"
        a.autoresponder.text = "bell \u{7} and nul-free control \u{1B}"
        a.archive.deleteAfterDays = .unrecognized("nie")
        a.roles.visibleToUsers = ["anna"]
        a.extras = [ExtraField(name: "Kd \"Nr\"", value: "4711"), ExtraField(name: "Passwort alt", value: "geheim")]
        return a
    }

    func xml(_ accounts: [MailAccount], _ secrets: SecretPolicy) throws -> String {
        let sink = MemorySink()
        let writer = AccountXMLWriter(sink: sink, secrets: secrets)
        for a in accounts { try writer.write(a) }
        try writer.finish()
        return sink.text
    }

    func read(_ text: String) throws -> [ImportItem] {
        let reader = AccountXMLReader(stream: MemoryStream(text))
        var items: [ImportItem] = []
        while let item = try reader.next() { items.append(item) }
        return items
    }

    @Test func readsBackToIdenticalAccounts() throws {
        var empty = MailAccount()
        empty.identity.origin = "y.csv:3"
        let items = try read(try xml([account, empty], .include))
        #expect(items.count == 2)
        guard case .account(let back, let source) = items[0], case .account(let second, _) = items[1] else {
            Issue.record("\(items)")
            return
        }
        #expect(back == account)
        #expect(back.incoming.password.revealed() == "P<a>ss&\"w'rd")
        #expect(second == empty)
        #expect(source.line == 3)
    }

    @Test func controlCharactersAreBase64AndSecretsRedacted() throws {
        let text = try xml([account], .redact)
        #expect(text.contains("<autoresponder_text encoding=\"base64\">"))
        #expect(text.contains("<incoming_password>&lt;redacted&gt;</incoming_password>"))
        #expect(text.contains("<extra name=\"Passwort alt\">&lt;redacted&gt;</extra>"))
        #expect(!text.contains("geheim") && !text.contains("w'rd"))
        #expect(text.contains("<display_name>Müller &amp; &lt;Söhne&gt; \"GmbH\"</display_name>"))
        #expect(text.contains("a CR&#13;\nand"))
    }

    /// What XML 1.0 cannot hold even as a reference, found in the UTF-8.
    @Test func base64IsForControlCharactersAndNonCharacters() {
        #expect(AccountXMLWriter.needsBase64("a\u{01}b"))
        #expect(AccountXMLWriter.needsBase64("a\u{FFFE}"))
        #expect(AccountXMLWriter.needsBase64("\u{FFFF}b"))
        #expect(!AccountXMLWriter.needsBase64("tab\tline\ncr\r"))
        #expect(!AccountXMLWriter.needsBase64("\u{FFFD} ï¿¾ Grüße 😀"))
        #expect(!AccountXMLWriter.needsBase64(""))
    }
}
