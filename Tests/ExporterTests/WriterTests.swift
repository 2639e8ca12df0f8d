import TestSupport
import Foundation
import Importers
import MailModel
import Testing

@testable import Exporters

/// Collects what is written, in memory.
final class MemorySink: ByteSink {
    var bytes: [UInt8] = []
    func write(_ b: UnsafeRawBufferPointer) throws(OutputError) { bytes += b }
    func flush() throws(OutputError) {}
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

@Suite struct WriterTests {
    var account: MailAccount {
        var a = MailAccount()
        a.identity.email = "info@müller.de"
        a.identity.displayName = "Müller, \"Maschinen\" GmbH"
        a.identity.description = " führendes Leerzeichen"
        a.incoming.protocolKind = .imap
        a.incoming.port = 993
        a.incoming.password = Secret("Sommer2024!Mm")
        a.signature.html = "<p>Zeile 1</p>\n<p>Zeile 2</p>"
        a.roles.visibleToUsers = ["anna", "b;c"]
        a.outgoing.port = 70000
        a.archive.deleteAfterDays = .unrecognized("nie")
        a.extras = [ExtraField(name: "Kd-Nr", value: "4711")]
        return a
    }

    func csv(_ a: MailAccount, _ secrets: SecretPolicy) throws -> String {
        let sink = MemorySink()
        let writer = CanonicalCSVWriter(sink: sink, secrets: secrets)
        try writer.write(a)
        try writer.finish()
        return sink.text
    }

    @Test func csvQuotesWhatNeedsQuotingAndRedactsSecrets() throws {
        let text = try csv(account, .redact)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == Substring(CanonicalField.ordered.map(\.name).joined(separator: ",")))
        #expect(text.hasPrefix(lines[0] + "\ninfo@müller.de,\"Müller, \"\"Maschinen\"\" GmbH\",\" führendes Leerzeichen\",,imap,,993,"))
        #expect(text.contains(",<redacted>,"))
        #expect(!text.contains("Sommer2024"))
        #expect(text.contains("\"<p>Zeile 1</p>\n<p>Zeile 2</p>\""))
        #expect(try csv(account, .include).contains(",Sommer2024!Mm,"))
        #expect(try csv(MailAccount(), .redact).contains(",,"))  // empty secrets stay empty
    }

    @Test func secretNamedExtrasAreRedactedUnlessSecretsAreAsked() throws {
        var a = MailAccount()
        a.identity.email = "x@y.de"
        a.extras = [ExtraField(name: "Passwort", value: "Kl4rtext!"), ExtraField(name: "Kd-Nr", value: "4711"),
                    ExtraField(name: "smtp_authparam", value: "tok")]
        let redacted = try csv(a, .redact)
        #expect(redacted.hasSuffix(",Passwort=<redacted>;Kd-Nr=4711;smtp_authparam=<redacted>\n"))
        #expect(try csv(a, .include).hasSuffix(",Passwort=Kl4rtext!;Kd-Nr=4711;smtp_authparam=tok\n"))
        let sink = MemorySink()
        let writer = JSONLinesWriter(sink: sink, secrets: .redact)
        try writer.write(a)
        #expect(sink.text.contains(#""extras":{"Passwort":"<redacted>","Kd-Nr":"4711","smtp_authparam":"<redacted>"}"#))
        #expect(!sink.text.contains("Kl4rtext"))
    }

    @Test func csvReadsBackToTheSameAccount() throws {
        let text = try csv(account, .include)
        let reader = CanonicalCSVReader(stream: MemoryStream(text))
        guard case .account(var back, _) = try reader.next() else {
            Issue.record("no account read back")
            return
        }
        #expect(back.identity.origin == "mem.csv:2")
        back.identity.origin = ""
        #expect(back == account)
    }

    @Test func jsonLinesHasJSONTypes() throws {
        let sink = MemorySink()
        let writer = JSONLinesWriter(sink: sink, secrets: .redact)
        try writer.write(account)
        let line = sink.text
        #expect(line.hasSuffix("}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object.count == CanonicalField.ordered.count)
        #expect(object["email"] as? String == "info@müller.de")
        #expect(object["incoming_port"] as? Int == 993)
        #expect(object["outgoing_port"] as? Int == 70000)
        #expect(object["archive_delete_after_days"] as? String == "nie")
        #expect(object["incoming_password"] as? String == "<redacted>")
        #expect(object["incoming_security"] is NSNull)
        #expect(object["ticket_enabled"] as? Bool == false)
        #expect(object["visible_to_users"] as? [String] == ["anna", "b;c"])
        #expect(object["extras"] as? [String: String] == ["Kd-Nr": "4711"])
        #expect(object["signature_html"] as? String == "<p>Zeile 1</p>\n<p>Zeile 2</p>")
    }
}

extension WriterTests {
    /// The one quoting rule of both CSV writers, with the profile's `;` and canonical `,`.
    @Test func csvFieldQuotesWhatAReaderWouldSplitOrTrim() {
        func field(_ text: String, _ delimiter: Character) -> String {
            var out: [UInt8] = []
            CSVField.append(text.utf8, delimiter: UInt8(ascii: delimiter.unicodeScalars.first!), to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(field("Müller GmbH", ";") == "Müller GmbH")
        #expect(field("a,b", ";") == "a,b")
        #expect(field("a;b", ";") == "\"a;b\"")
        #expect(field("a,b", ",") == "\"a,b\"")
        #expect(field("Sag \"ja\"", ";") == "\"Sag \"\"ja\"\"\"")
        #expect(field("Zeile 1\nZeile 2", ";") == "\"Zeile 1\nZeile 2\"")
        #expect(field("a\rb", ";") == "\"a\rb\"")
        #expect(field(" vorne", ";") == "\" vorne\"")
        #expect(field("hinten ", ";") == "\"hinten \"")
        #expect(field("", ";") == "")
    }

    /// RFC 8259's escapes, and the runs between them copied whole (at the start, between, at the end).
    @Test func jsonStringEscapes() throws {
        let text = "\"Grüße\" \\ a\nb\rc\td\u{01}e\u{1F}f 😀"
        #expect(JSONText.quoted(text) == #""\"Grüße\" \\ a\nb\rc\td\u0001e\u001ff 😀""#)
        #expect(JSONText.quoted("") == #""""#)
        #expect(JSONText.quoted("\n") == #""\n""#)
        let back = try JSONSerialization.jsonObject(with: Data(JSONText.quoted(text).utf8), options: .fragmentsAllowed)
        #expect(back as? String == text)
    }
}

/// Canonical CSV text as a byte stream.
final class MemoryStream: ByteStream {
    let name = "mem.csv"
    private var bytes: [UInt8]
    init(_ text: String) { bytes = Array(text.utf8) }
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let n = min(buffer.count, bytes.count)
        buffer.copyBytes(from: bytes[0..<n])
        bytes.removeFirst(n)
        return n
    }
}
