import Foundation
import Importers
import MailModel
import Testing

/// The real Mozilla ISPDB files in ../shared/data/ispdb.
@Suite struct AutoconfigReaderTests {
    static let ispdb = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/ispdb").path

    static let directory: ProviderDirectory = try! ProviderDirectory(directory: ispdb)

    @Test func everyFileLoads() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.ispdb).filter { $0.hasSuffix(".xml") }
        #expect(Self.directory.problems == [])
        #expect(Self.directory.providers.count == files.count)
        #expect(Self.directory.providers.allSatisfy { !$0.domains.isEmpty && !($0.incoming.isEmpty && $0.outgoing.isEmpty) })
    }

    func provider(_ domain: String) throws -> MailProvider { try #require(Self.directory.provider(forDomain: domain)) }

    /// OAuth2, two incoming servers (IMAP and POP3), 103 domains.
    @Test func outlookCom() throws {
        let p = try provider("outlook.de")
        #expect(p.id == "hotmail.com" && p.displayName == "Outlook.com (Microsoft)")
        #expect(p.domains.count == 103 && p.domains.first == "hotmail.com" && p.domains.last == "olc.protection.outlook.com")
        #expect(p.incoming == [
            ProviderServer(type: "imap", hostname: "outlook.office365.com", port: 993, security: .tls, authentication: ["OAuth2"], username: "%EMAILADDRESS%"),
            ProviderServer(type: "pop3", hostname: "outlook.office365.com", port: 995, security: .tls, authentication: ["OAuth2"], username: "%EMAILADDRESS%"),
        ])
        #expect(p.outgoing == [
            ProviderServer(type: "smtp", hostname: "smtp-mail.outlook.com", port: 587, security: .starttls, authentication: ["OAuth2"], username: "%EMAILADDRESS%"),
        ])
        #expect(Self.directory.provider(forAddress: "Kunde@Hotmail.DE")?.id == "hotmail.com")
    }

    /// Several authentication methods per server, three incoming servers.
    @Test func yahoo() throws {
        let p = try provider("yahoo.com")
        #expect(p.domains.count == 21 && p.displayName == "Yahoo! Mail")
        #expect(p.incoming.map(\.hostname) == ["imap.mail.yahoo.com", "export.imap.mail.yahoo.com", "pop.mail.yahoo.com"])
        #expect(p.incoming.allSatisfy { $0.authentication == ["OAuth2", "password-cleartext"] && $0.offersOAuth })
        #expect(p.outgoing == [
            ProviderServer(type: "smtp", hostname: "smtp.mail.yahoo.com", port: 465, security: .tls,
                           authentication: ["OAuth2", "password-cleartext"], username: "%EMAILADDRESS%"),
        ])
    }

    @Test func hetzner() throws {
        let p = try provider("your-server.de")
        #expect(p.id == "hetzner.de" && p.domains == ["your-server.de"] && p.displayName == "Hetzner")
        #expect(Self.directory.provider(forDomain: "hetzner.de") == nil)
        #expect(p.incoming == [ProviderServer(type: "imap", hostname: "mail.your-server.de", port: 993, security: .tls, authentication: ["password-cleartext"], username: "%EMAILADDRESS%")])
        #expect(p.outgoing == [ProviderServer(type: "smtp", hostname: "mail.your-server.de", port: 465, security: .tls, authentication: ["password-cleartext"], username: "%EMAILADDRESS%")])
    }

    /// Four incoming servers: implicit TLS and STARTTLS for IMAP and POP3.
    @Test func ptd() throws {
        let p = try provider("ptd.net")
        #expect(p.incoming.map { "\($0.type) \($0.port!) \($0.security!.canonicalName)" } == [
            "imap 993 tls", "imap 143 starttls", "pop3 995 tls", "pop3 110 starttls",
        ])
        #expect(p.outgoing.map { "\($0.port!) \($0.security!.canonicalName)" } == ["465 tls", "587 starttls"])
        #expect(p.incoming.allSatisfy { $0.username == "%EMAILLOCALPART%" })
    }

    @Test func free() throws {
        let p = try provider("free.fr")
        #expect(p.displayName == "Freebox")
        #expect(p.incoming.map(\.hostname) == ["imap.free.fr", "pop.free.fr"])
        #expect(p.outgoing.first?.hostname == "smtp.free.fr" && p.outgoing.first?.port == 465)
    }

    /// 150 domains in one file.
    @Test func jubii() throws {
        let p = try provider("mail.jubii.dk")
        #expect(p.domains.count == 150)
        for domain in p.domains { #expect(Self.directory.provider(forDomain: domain) != nil) }
    }

    @Test func aFileThatIsNotAutoconfigIsNamed() throws {
        #expect(throws: InputError.invalidDocument(path: "x.xml", line: 1, column: nil, reason: "not an autoconfig file (root element <accounts>, expected <clientConfig>)")) {
            try AutoconfigReader.providers(bytes: Array("<accounts/>".utf8), path: "x.xml")
        }
    }
}
