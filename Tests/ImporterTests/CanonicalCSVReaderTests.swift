import TestSupport
import Importers
import MailModel
import Testing

@Suite struct CanonicalCSVReaderTests {
    func items(_ text: String, chunk: Int = .max) throws -> [ImportItem] {
        let reader = CanonicalCSVReader(stream: MemoryByteStream(text, name: "in.csv", chunk: chunk))
        var result: [ImportItem] = []
        while let item = try reader.next() { result.append(item) }
        return result
    }

    func accounts(_ items: [ImportItem]) -> [MailAccount] {
        items.compactMap { if case .account(let a, _) = $0 { a } else { nil } }
    }

    func rejects(_ items: [ImportItem]) -> [Reject] {
        items.compactMap { if case .reject(let r) = $0 { r } else { nil } }
    }

    /// A batch ends at about a megabyte of records, however many it may hold,
    /// so rows with long signatures do not fill every queue slot of `run`
    /// with megabytes; quotes inside still read back.
    @Test func aBatchEndsAtAMegabyteAndItsRecordsReadBack() throws {
        let signature = "<p>\"\"Grüße\"\"</p>" + String(repeating: "x", count: 600_000)
        var text = "email,signature_html\n"
        for n in 1...3 { text += "a\(n)@example.de,\"\(signature)\"\n" }
        let reader = CanonicalCSVReader(stream: MemoryByteStream(text, name: "in.csv", chunk: 4096))
        let first = try #require(try reader.nextBatch(limit: 512))
        #expect(first.count == 2)
        let second = try #require(try reader.nextBatch(limit: 512))
        #expect(second.count == 1)
        #expect(try reader.nextBatch(limit: 512) == nil)
        let read = accounts(first.decode() + second.decode())
        #expect(read.map(\.identity.email) == ["a1@example.de", "a2@example.de", "a3@example.de"])
        #expect(read.allSatisfy { $0.signature.html == "<p>\"Grüße\"</p>" + String(repeating: "x", count: 600_000) })
    }

    @Test func readsFieldsInAnyOrderAndKeepsUnknownColumnsAsExtras() throws {
        let text = """
            incoming_port;email;Kundennummer;incoming_security;visible_to_users
            993;info@müller.de;K-4711;tls;anna;bernd
            """
        // `;` is the delimiter here, so the list has to be quoted:
        let quoted = text.replacingOccurrences(of: "anna;bernd", with: "\"anna;bernd\"")
        let result = try items(quoted)
        let account = try #require(accounts(result).first)
        #expect(account.identity.email == "info@müller.de")
        #expect(account.incoming.port == 993)
        #expect(account.incoming.security == .tls)
        #expect(account.roles.visibleToUsers == ["anna", "bernd"])
        #expect(account.extras == [ExtraField(name: "Kundennummer", value: "K-4711")])
        #expect(account.identity.origin == "in.csv:2")
    }

    @Test func brokenRecordsInTheMiddleAreRejectedWithLineAndReasonAndTheRestIsRead() throws {
        let text = """
            email,incoming_port,incoming_security
            a@x.de,993,tls
            b@x.de,abc,tls
            c@x.de,993
            "d@x.de"x,993,tls
            e@x.de,143,starttls
            f@x.de,"993,tls
            g@x.de,995,tls

            """
        let result = try items(text)
        #expect(accounts(result).map(\.identity.email) == ["a@x.de", "e@x.de", "g@x.de"])
        #expect(rejects(result).map(\.description) == [
            "in.csv:3: incoming_port: expected a whole number, got 'abc'",
            "in.csv:4: expected 3 fields as in the header, found 2",
            "in.csv:5: unexpected character 'x' after the closing quote in column 1",
            "in.csv:7: unterminated quoted field in column 2",
        ])
    }

    @Test func aPasswordInTheWrongColumnIsNotQuotedInTheReason() throws {
        // The user swapped port and password: the port column holds the password.
        let result = try items("email,incoming_password,incoming_port\nx@y.de,993,Geheim!1\n")
        #expect(rejects(result).map(\.description) == [
            "in.csv:2: incoming_port: expected a whole number (value not shown: the row holds a password)"
        ])
        #expect(!rejects(result)[0].description.contains("Geheim"))
        // The same for a password column the canonical format does not know (kept in extras).
        let other = try items("email,Kennwort,incoming_port\nx@y.de,993,Geheim!1\n")
        #expect(rejects(other).map(\.description) == [
            "in.csv:2: incoming_port: expected a whole number (value not shown: the row holds a password)"
        ])
    }

    @Test func valuesThatReadButAreWrongAreKeptForValidation() throws {
        let result = try items("email,outgoing_port,incoming_security\nx@y.de,70000,SSL/TLS\nz@y.de,0,\n")
        let all = accounts(result)
        #expect(all.count == 2)
        #expect(all[0].outgoing.port == 70000)
        #expect(all[0].incoming.security == .unrecognized("SSL/TLS"))
        #expect(all[1].outgoing.port == 0)
        #expect(all[1].incoming.security == nil)
    }

    @Test func emptyFileAndHeaderErrors() throws {
        #expect(throws: InputError.invalidHeader(path: "in.csv", line: 1, reason: "empty file: expected a header of canonical field names")) {
            _ = try items("")
        }
        #expect(throws: InputError.invalidHeader(path: "in.csv", line: 1, reason: "no canonical field names in the header (found: Name, Vorname)")) {
            _ = try items("Name,Vorname\nA,B\n")
        }
        #expect(throws: InputError.invalidHeader(path: "in.csv", line: 1, reason: "column 'email' appears twice in the header")) {
            _ = try items("email,email\n")
        }
        #expect(try items("email,incoming_host\n").isEmpty)
    }

    @Test func sampleFileImportsEveryAccount() throws {
        let path = #filePath.components(separatedBy: "/Tests/")[0] + "/samples/accounts.csv"
        let reader = try SourceFormat.canonicalCSV.reader(path: path)
        var accounts: [MailAccount] = []
        while let item = try reader.next() {
            guard case .account(let account, _) = item else {
                Issue.record("sample record rejected: \(item)")
                continue
            }
            accounts.append(account)
        }
        #expect(accounts.count == 24)
        let gmail = try #require(accounts.first { $0.identity.email == "kundenservice.schaefer@gmail.com" })
        #expect(gmail.incoming.authentication == .oauth2)
        #expect(gmail.incoming.oauthProvider == .google)
        #expect(gmail.outgoing.oauthParameter.revealed() == "oauth-token-ref:schaefer-google-7731")
        let celanio = try #require(accounts.first { $0.identity.email == "welcome@celanio-kunde.de" })
        #expect(celanio.roles.visibleToUsers == ["mmustermann", "jschmidt"])
        #expect(celanio.roles.visibleToGroups == ["Vertrieb", "Support"])
        #expect(celanio.roles.global && celanio.roles.usableAsReplyTo && celanio.roles.usableAsSender)
        let pop = try #require(accounts.first { $0.incoming.protocolKind == .pop3 })
        #expect(pop.incoming.port == 995 && pop.incoming.deleteOnServer)
    }
}
