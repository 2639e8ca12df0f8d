import Foundation
import Importers
import MailModel
import Mappings
import TestSupport
import Testing

/// Every profile's sample in samples/profiles imports to the expected accounts.
@Suite struct ProfileCSVTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/profiles")

    func read(_ path: String, options: ReadOptions = ReadOptions()) throws -> [ImportItem] {
        let reader = try SourceFormat.canonicalCSV.reader(path: path, options: options)
        var items: [ImportItem] = []
        while let item = try reader.next() { items.append(item) }
        return items
    }

    func accounts(_ name: String) throws -> [MailAccount] {
        try read(Self.samples.appendingPathComponent(name).path).map { item in
            guard case .account(let a, _) = item else { throw CancellationError() }
            return a
        }
    }

    /// Field texts as canonical CSV writes them; every other field must be empty (or false).
    func expect(_ account: MailAccount, _ expected: [CanonicalField: String], _ note: String) {
        for field in CanonicalField.ordered where field != .origin {
            let text = field.text(in: account)
            if let want = expected[field] {
                #expect(text == want, "\(note) \(field.name)")
            } else {
                #expect(text.isEmpty || text == "false", "\(note) \(field.name) should be empty, is '\(text)'")
            }
        }
    }

    /// Cells in quotes with doubled quotes in them, beside plain cells, in
    /// a column the profile knows and in one it does not (kept as an extra).
    @Test func doubledQuotesInKnownAndUnknownColumns() throws {
        let headers = BuiltInProfiles.xentral.columns.map(\.header) + ["Kostenstelle"]
        var cells = [String](repeating: "", count: headers.count)
        func set(_ header: String, _ cell: String) { cells[headers.firstIndex(of: header)!] = cell }
        set("E-Mail Adresse", "info@bäckerei-schulz.de")
        set("Interne Beschreibung", "\"Filiale \"\"Nord\"\"; Theke\"")
        set("IMAP-Port", "993")
        set("IMAP-Verschlüsselung", "SSL")
        set("Ab Datum", "1.3.2024")
        set("Signatur", "\"<p class=\"\"sig\"\">Grüße</p>\"")
        set("Kostenstelle", "\"4711 \"\"Ost\"\"\"")
        let text = headers.joined(separator: ";") + "\n" + cells.joined(separator: ";") + "\n"
        let dir = TemporaryDirectory()
        let items = try read(dir.file("quoted.csv", bytes: Array(text.utf8)))
        guard items.count == 1, case .account(let a, let source) = items[0] else {
            Issue.record("expected one account, got \(items)")
            return
        }
        #expect(a.identity.description == "Filiale \"Nord\"; Theke")
        #expect(a.signature.html == "<p class=\"sig\">Grüße</p>")
        #expect(a.extras == [ExtraField(name: "Kostenstelle", value: "4711 \"Ost\"")])
        #expect(a.incoming.port == 993)
        #expect(a.incoming.security == .tls)
        #expect(a.incoming.fetchFrom == CalendarDate(year: 2024, month: 3, day: 1))
        #expect(a.identity.origin == "\(dir.path)/quoted.csv:2")
        #expect(source.line == 2)
    }

    @Test func xentralWindows1252() throws {
        let a = try accounts("xentral.csv")
        #expect(a.count == 2)
        expect(a[0], [
            .email: "info@bäckerei-schulz.de", .incomingAuth: "password", .displayName: "Bäckerei Schulz – Büro",
            .description: "Zentrale", .visibleToUsers: "anna;jörg", .incomingUser: "info@bäckerei-schulz.de",
            .outgoingUser: "info@bäckerei-schulz.de", .incomingPassword: "Brötchen€2024", .outgoingPassword: "Brötchen€2024",
            .incomingHost: "imap.bäckerei-schulz.de", .incomingProtocol: "imap", .incomingPort: "993", .incomingSecurity: "tls",
            .incomingCopyToSent: "true", .incomingSentFolder: "INBOX.Gesendet", .outgoingEnabled: "true",
            .outgoingHost: "smtp.bäckerei-schulz.de", .outgoingMethod: "smtp", .outgoingPort: "587", .outgoingSecurity: "starttls",
            .outgoingAuth: "password", .outgoingSenderAddress: "bestellung@bäckerei-schulz.de", .outgoingSenderName: "Bestellannahme",
            .outgoingClientAlias: "erp.bäckerei-schulz.de", .ticketEnabled: "true", .ticketProject: "Filialen",
            .ticketQueue: "Bestellungen", .incomingFetchFrom: "2024-01-15", .ticketAnswerFromInbound: "true",
            .archiveEnabled: "true", .archiveDeleteAfterDays: "30", .erpEmployeeID: "17", .autoresponderEnabled: "true",
            .autoresponderOncePerDay: "true", .autoresponderSubject: "Ihre Bestellung #{TICKET}",
            .autoresponderText: "<p>Danke, wir melden uns.</p>", .signatureEnabled: "true", .signatureHTML: "<p>Grüße<br>{MITARBEITER}</p>",
        ], "xentral 1")
        #expect(a[1].incoming.authentication == .oauth2 && a[1].incoming.oauthProvider == .google)
        #expect(a[1].outgoing.authentication == .oauth2 && a[1].outgoing.oauthProvider == .google)
    }

    @Test func openxeColumns() throws {
        let a = try accounts("openxe.csv")
        #expect(a.count == 1)
        #expect(a[0].identity.email == "vertrieb@nord-handel.de" && a[0].incoming.security == .tls && a[0].outgoing.security == .tls)
        #expect(a[0].ticket.queue == "Vertrieb" && a[0].ticket.markClosed && a[0].archive.deleteAfterDays == .days(60))
        #expect(a[0].incoming.fetchFrom == CalendarDate(year: 2024, month: 3, day: 1) && a[0].erp.employeeID == "9")
        #expect(a[0].extras == [ExtraField(name: "emailbackup.id", value: "12")])
    }

    @Test func celanio() throws {
        let a = try accounts("celanio.csv")
        #expect(a.count == 2)
        expect(a[0], [
            .email: "service@metallbau-krause.de", .displayName: "Service Krause", .usableAsReplyTo: "true", .usableAsSender: "true",
            .outgoingAuth: "password", .outgoingEnabled: "true", .outgoingMethod: "smtp", .visibleToUsers: "mkrause;tlehmann",
            .visibleToGroups: "Service;Vertrieb", .incomingProtocol: "imap", .incomingHost: "imap.metallbau-krause.de",
            .incomingPort: "993", .incomingSecurity: "tls", .incomingUser: "service@metallbau-krause.de", .incomingPassword: "Kr@use-1",
            .outgoingHost: "smtp.metallbau-krause.de", .outgoingPort: "465", .outgoingSecurity: "tls",
            .outgoingUser: "service@metallbau-krause.de", .outgoingPassword: "Kr@use-1",
        ], "celanio 1")
        #expect(a[1].roles.global && !a[1].roles.usableAsSender && a[1].outgoing.authentication == AuthenticationMethod.none)
        #expect(a[1].incoming.protocolKind == .pop3)
    }

    @Test func crm() throws {
        let a = try accounts("crm.csv")
        expect(a[0], [
            .email: "j.weber@weber-consulting.de", .displayName: "Jana Weber", .incomingProtocol: "imap", .incomingAuth: "password",
            .privateOwner: "JW", .incomingHost: "imap.weber-consulting.de", .incomingPort: "143", .incomingSecurity: "starttls",
            .incomingUser: "j.weber", .incomingPassword: "Weber#2024", .outgoingHost: "smtp.weber-consulting.de",
            .outgoingEnabled: "true", .outgoingMethod: "smtp", .outgoingPort: "587", .outgoingSecurity: "starttls",
            .outgoingAuth: "password", .outgoingUser: "j.weber", .outgoingPassword: "Weber#2024",
            .incomingDraftsFolder: "Entwürfe", .incomingTrashFolder: "Papierkorb", .incomingSentFolder: "Gesendet",
            .incomingCopyToSent: "true", .signatureHTML: "<p>Jana Weber</p>",
        ], "crm 1")
        #expect(a[1].incoming.authentication == .oauth2 && a[1].incoming.oauthProvider == .microsoft && a[1].incoming.protocolKind == .imap)
    }

    @Test func mat() throws {
        let a = try accounts("mat.csv")
        expect(a[0], [
            .email: "anfragen@maschinen-hofmann.de", .outgoingSenderAddress: "anfragen@maschinen-hofmann.de",
            .displayName: "Maschinen Hofmann", .outgoingSenderName: "Maschinen Hofmann", .outgoingHost: "smtp.maschinen-hofmann.de",
            .outgoingEnabled: "true", .outgoingMethod: "smtp", .outgoingPort: "465", .outgoingAuth: "password",
            .outgoingUser: "anfragen@maschinen-hofmann.de", .incomingUser: "anfragen@maschinen-hofmann.de",
            .outgoingPassword: "Hofmann&Co1", .incomingPassword: "Hofmann&Co1", .outgoingSecurity: "tls",
            .signatureHTML: "<p>Hofmann GmbH</p>", .incomingProtocol: "imap", .incomingHost: "imap.maschinen-hofmann.de",
            .incomingPort: "993", .incomingSecurity: "tls",
            .importSenderPatterns: "*@channel.machineseeker.com;*@anfrage.maschinensucher.de",
        ], "mat")
    }

    @Test func m365() throws {
        let a = try accounts("m365.csv")
        expect(a[1], [.email: "tom.becker@meyer-logistik.de", .incomingUser: "tbecker", .incomingPassword: "Becker?Tom8"], "m365 2")
    }

    @Test func imapsyncWithComments() throws {
        let a = try accounts("imapsync.csv")
        #expect(a.count == 2)
        expect(a[0], [
            .incomingHost: "imap.alt-provider.de", .incomingUser: "info@schreinerei-vogel.de", .incomingPassword: "Holz2019",
            .extras: "imapsync.host2=outlook.office365.com;imapsync.user2=info@schreinerei-vogel.de;imapsync.password2=Neu!2025",
        ], "imapsync 1")
    }

    /// Each sample written in its own layout and read again gives the same accounts.
    @Test(arguments: ["xentral", "openxe", "celanio", "crm", "mat", "m365", "imapsync"])
    func writingAndReadingAgainKeepsEveryField(profile: String) throws {
        let codec = try ProfileCodec(BuiltInProfiles.named(profile)!)
        for account in try accounts("\(profile).csv") {
            #expect(codec.lostFields(of: account) == [], "\(profile) \(account.identity.email)")
            var back = try codec.account(cells: codec.cells(for: account))
            back.identity.origin = account.identity.origin
            #expect(back == account)
        }
    }

    @Test func theChoiceIsAnnounced() throws {
        let told = Told()
        _ = try read(Self.samples.appendingPathComponent("celanio.csv").path, options: ReadOptions(announce: { told.add($0) }))
        #expect(told.lines == ["\(Self.samples.path)/celanio.csv: profile celanio: 19 of 19 columns known"])
    }
}

final class Told: @unchecked Sendable {
    private(set) var lines: [String] = []
    func add(_ line: String) { lines.append(line) }
}
