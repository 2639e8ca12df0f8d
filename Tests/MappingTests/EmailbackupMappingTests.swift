import MailModel
import Testing

@testable import Mappings

@Suite struct EmailbackupMappingTests {
    @Test func hasEveryColumnOfTheTableInOrder() throws {
        let names = EmailbackupMapping.columns.map(\.name)
        #expect(names.count == 42)
        let fixture = try OpenXEFixtureRows.rows("emailbackup")[0]
        #expect(Set(names) == Set(fixture.keys))
        #expect(names.first == "id" && names.last == "email" && names[11] == "imap_type")
    }

    /// Every fixture row, read and written again, gives the same 42 values:
    /// the mapping loses nothing (case, zero dates, unknown codes, NULLs).
    @Test(arguments: 1...7) func everyRowWritesBackUnchanged(id: Int) throws {
        let row = try OpenXEFixtureRows.emailbackup(id: id)
        let account = try EmailbackupMapping.account(from: row)
        let written = EmailbackupMapping.row(for: account)
        for (column, value) in zip(EmailbackupMapping.columns, written) {
            #expect(value == row[column.name]!, "column \(column.name)")
        }
        #expect(EmailbackupMapping.lostFields(of: account) == [])
    }

    /// Reading skips the write-back check for the values a column says come
    /// back unchanged: each such value, read in a full row, must come back
    /// unchanged (were another column to write the same field, it would not).
    @Test(arguments: 1...7) func valuesSaidToComeBackDo(id: Int) throws {
        let row = try OpenXEFixtureRows.emailbackup(id: id)
        let columns = EmailbackupMapping.columns
        let probes: [String?] = [
            nil, "", "0", "1", "2", "x", "Größe ’ \\ 'q'", "993", "0993", "+993", "-1", "00", "123456789012345678",
            "1234567890123456789", "9999999999999999999999", "2024-02-29", "0001-01-01", "9999-12-31", "2023-02-29",
            "2024-2-29", "0000-00-00", "2024-02-29 ",
        ]
        var checked = 0
        for (index, column) in columns.enumerated() where column.exactValues != .checkedAfterReading {
            for probe in probes + [row[column.name]!] where column.givesBack(probe) {
                var values: [String??] = columns.map { row[$0.name] }
                values[index] = .some(probe)
                let account = try EmailbackupMapping.account(fromColumns: values)
                let back = column.value(for: account)
                #expect(back == probe || (probe == nil && back == ""), "column \(column.name), value \(String(describing: probe))")
                checked += 1
            }
        }
        #expect(checked > 150)
    }

    /// Every column reads a value given as UTF-8 (as the dump reader hands
    /// it on) as it reads the value's String: the same fields, or the same
    /// error. The text, switch and reference columns do it without a
    /// closure; the others through their own UTF-8 reading or the String one.
    @Test func eachColumnReadsUTF8AsItReadsText() {
        let probes: [String?] = [
            nil, "", "0", "1", "2", "3", "5", "7", "993", "0993", "+5", "-1", "x", "Größe ’", "123456789012345678901",
            "smtp", "SMTP", "Smtp", "oauth_google", "OAUTH_GOOGLE", "smtp ", "2024-02-29", "2023-02-29", "0000-00-00",
        ]
        func outcome(_ read: (inout MailAccount) throws(OpenXEValueError) -> Void) -> String {
            var account = MailAccount()
            do throws(OpenXEValueError) {
                try read(&account)
            } catch {
                return "error: \(error)"
            }
            return CanonicalField.ordered.map { "\($0.name)=\($0.text(in: account))" }.joined(separator: "|")
        }
        var compared = 0
        var changed = 0
        for column in EmailbackupMapping.columns {
            for probe in probes {
                let text = outcome { (account) throws(OpenXEValueError) in try column.read(probe, into: &account) }
                let bytes = probe.map { Array($0.utf8) }
                let utf8 = outcome { (account) throws(OpenXEValueError) in
                    guard let bytes else { return try column.read(utf8: nil, into: &account) }
                    try bytes.withUnsafeBufferPointer { (value) throws(OpenXEValueError) in
                        try column.read(utf8: value, into: &account)
                    }
                }
                #expect(utf8 == text, "column \(column.name), value \(String(describing: probe))")
                compared += 1
                if text != outcome({ _ in }) { changed += 1 }
            }
        }
        #expect(compared == 42 * probes.count)
        // The comparison is of something: most readings set a field or throw.
        #expect(changed > 30 * probes.count)
    }

    /// The field columns read as their kind says: text as it is (NULL
    /// empty), a switch off only for `0`, empty or NULL, a reference `0` as
    /// none.
    @Test func fieldColumnsReadTheirField() throws {
        func read(_ name: String, _ value: String?) throws -> MailAccount {
            var account = MailAccount()
            try EmailbackupMapping.columnsByName[name]!.read(value, into: &account)
            return account
        }
        #expect(try read("angezeigtername", "Bäckerei Groß").identity.displayName == "Bäckerei Groß")
        #expect(try read("angezeigtername", nil).identity.displayName == "")
        #expect(try read("smtp_frommail", "a@b.de").outgoing.senderAddress == "a@b.de")
        #expect(try read("ticketloeschen", "1").incoming.deleteOnServer)
        #expect(try read("ticketloeschen", "2").incoming.deleteOnServer)
        #expect(try !read("ticketloeschen", "0").incoming.deleteOnServer)
        #expect(try !read("ticketloeschen", "").incoming.deleteOnServer)
        #expect(try !read("ticketloeschen", nil).incoming.deleteOnServer)
        #expect(try read("projekt", "17").erp.projectID == "17")
        #expect(try read("projekt", "0").erp.projectID == "")
        #expect(try read("projekt", "00").erp.projectID == "00")
        #expect(try read("projekt", nil).erp.projectID == "")
        var account = MailAccount()
        account.erp.projectID = "P-17"
        account.incoming.deleteOnServer = true
        account.ticket.queue = ""
        #expect(EmailbackupMapping.columnsByName["projekt"]!.value(for: account) == "0")
        #expect(EmailbackupMapping.columnsByName["ticketloeschen"]!.value(for: account) == "1")
        #expect(EmailbackupMapping.columnsByName["ticketqueue"]!.value(for: account) == nil)
    }

    @Test func readsAnImplicitTLSAccountWithTickets() throws {
        let a = try EmailbackupMapping.account(from: OpenXEFixtureRows.emailbackup(id: 1))
        #expect(a.identity.email == "info@mueller-maschinenbau.de")
        #expect(a.identity.displayName == "Müller Maschinenbau GmbH")
        #expect(a.identity.description == "Zentrale, Tickets")
        #expect(a.incoming.protocolKind == .imap)
        #expect(a.incoming.host == "mail.mueller-maschinenbau.de")
        #expect(a.incoming.port == 993)
        #expect(a.incoming.security == .tls)
        #expect(a.incoming.authentication == .password)
        #expect(a.incoming.userName == "info@mueller-maschinenbau.de")
        #expect(a.incoming.password.revealed() == "Sommer2024!Mm")
        #expect(a.incoming.copyToSent && a.incoming.sentFolder == "INBOX.Sent")
        #expect(a.incoming.fetchFrom == CalendarDate(year: 2024, month: 1, day: 15))
        #expect(a.incoming.deleteOnServer == false)
        // Xentral: the SMTP login is the IMAP login.
        #expect(a.outgoing.userName == "info@mueller-maschinenbau.de")
        #expect(a.outgoing.password.revealed() == "Sommer2024!Mm")
        #expect(a.outgoing.enabled && a.outgoing.method == .smtp)
        #expect(a.outgoing.host == "mail.mueller-maschinenbau.de")
        #expect(a.outgoing.port == 465 && a.outgoing.security == .tls && a.outgoing.authentication == .password)
        #expect(a.ticket.enabled && a.ticket.queue == "Support" && a.ticket.project == "Service")
        #expect(a.ticket.answerFromInbound && !a.ticket.markClosed)
        #expect(a.archive.enabled && a.archive.deleteAfterDays == .days(0))
        #expect(a.autoresponder.enabled && a.autoresponder.oncePerDay)
        #expect(a.autoresponder.subject == "Ihre Anfrage #{TICKET}: {BETREFF}")
        #expect(a.signature.enabled && a.signature.html == "<p>Mit freundlichen Grüßen<br>{MITARBEITER}</p>")
        #expect(a.erp.projectID == "1" && a.erp.companyID == "1" && a.erp.employeeID == "17" && a.erp.letterTemplateID == "2")
        #expect(a.extras == [ExtraField(name: "emailbackup.id", value: "1")])
    }

    @Test func readsStartTLSSendingAndEmptyReferences() throws {
        let a = try EmailbackupMapping.account(from: OpenXEFixtureRows.emailbackup(id: 2))
        #expect(a.identity.displayName == "O'Brien \"Vertrieb\"")
        #expect(a.identity.description == "Zeile 1\nZeile 2\tmit Tab und \\ Backslash")
        #expect(a.incoming.security == ConnectionSecurity.none && a.incoming.port == 143)
        #expect(a.outgoing.security == .starttls && a.outgoing.port == 587)
        #expect(a.outgoing.authentication == AuthenticationMethod.none)
        #expect(a.outgoing.senderAddress == "verkauf@example.de" && a.outgoing.senderName == "Verkauf Süd")
        #expect(a.outgoing.clientAlias == "erp.example.de" && a.outgoing.debug)
        #expect(a.ticket.queue == "" && a.incoming.fetchFrom == nil)
        #expect(a.erp.projectID == "" && a.erp.employeeID == "")
        #expect(a.archive.deleteAfterDays == nil)
        #expect(a.incoming.password.revealed() == "Pa'ss\\wo\"rd;--")
    }

    @Test func readsGoogleOAuth() throws {
        let a = try EmailbackupMapping.account(from: OpenXEFixtureRows.emailbackup(id: 3))
        #expect(a.incoming.authentication == .oauth2 && a.incoming.security == .tls && a.incoming.oauthProvider == .google)
        #expect(a.outgoing.authentication == .oauth2 && a.outgoing.oauthProvider == .google)
        #expect(a.outgoing.oauthParameter.revealed() == "{\"refresh_token\":\"1//0gLx-secret\",\"scope\":\"https://mail.google.com/\"}")
        #expect(a.incoming.deleteOnServer && a.ticket.markClosed)
        #expect(a.archive.deleteAfterDays == .days(30))
        // utf8mb3 cannot store emoji: MariaDB kept '?'.
        #expect(a.identity.displayName == "Kundenservice ?")
    }

    /// Codes OpenXE does not define are kept, never defaulted: validation
    /// names them, the writer gives them back.
    @Test func keepsUnknownCodesRaw() throws {
        let a = try EmailbackupMapping.account(from: OpenXEFixtureRows.emailbackup(id: 5))
        #expect(a.incoming.security == .unrecognized("imap_type 7"))
        #expect(a.outgoing.security == .unrecognized("smtp_ssl 9"))
        #expect(a.outgoing.authentication == .unrecognized("smtp_authtype xoauth2"))
        #expect(a.archive.deleteAfterDays == .unrecognized("nie"))
        #expect(a.incoming.port == 70000 && a.outgoing.port == 0)
        #expect(a.incoming.fetchFrom == nil)
        #expect(a.extras == [
            ExtraField(name: "emailbackup.id", value: "5"),
            ExtraField(name: "emailbackup.abdatum", value: "0000-00-00"),
        ])
        let row = EmailbackupMapping.row(for: a)
        func written(_ name: String) -> String? { row[EmailbackupMapping.columns.firstIndex { $0.name == name }!] }
        #expect(written("imap_type") == "7" && written("smtp_ssl") == "9" && written("smtp_authtype") == "xoauth2")
        #expect(written("abdatum") == "0000-00-00" && written("loeschtage") == "nie")
    }

    /// 'SMTP' means the same as 'smtp' (OpenXE compares lower-cased); the raw
    /// spelling is written back until the field is changed.
    @Test func keepsTheSpellingOfAnAuthTypeUntilItChanges() throws {
        var a = try EmailbackupMapping.account(from: OpenXEFixtureRows.emailbackup(id: 6))
        #expect(a.outgoing.authentication == .password)
        #expect(a.extras.contains(ExtraField(name: "emailbackup.smtp_authtype", value: "SMTP")))
        let index = EmailbackupMapping.columns.firstIndex { $0.name == "smtp_authtype" }!
        #expect(EmailbackupMapping.row(for: a)[index] == "SMTP")
        a.outgoing.authentication = AuthenticationMethod.none
        #expect(EmailbackupMapping.row(for: a)[index] == "")
    }

    @Test func aPortThatIsNotANumberIsAnError() throws {
        var row = try OpenXEFixtureRows.emailbackup(id: 1)
        row["imap_port"] = "imaps"
        #expect(throws: OpenXEValueError(column: "imap_port", value: "imaps", expected: "a port number")) {
            try EmailbackupMapping.account(from: row)
        }
        let error = OpenXEValueError(column: "imap_port", value: "imaps", expected: "a port number")
        #expect(error.description == "column imap_port: expected a port number, found 'imaps'")
    }

    /// What another system knows and `emailbackup` cannot hold is named.
    @Test func namesTheFieldsARowCannotHold() throws {
        var a = MailAccount()
        a.identity.email = "info@example.de"
        a.incoming.protocolKind = .pop3
        a.incoming.host = "pop.example.de"
        a.incoming.security = .starttls
        a.incoming.userName = "info"
        a.incoming.draftsFolder = "Drafts"
        a.outgoing.userName = "smtp-user"
        a.outgoing.bcc = ["archiv@example.de"]
        a.roles.global = true
        a.erp.projectID = "P-17"
        a.extras = [ExtraField(name: "Antwort", value: "ja")]
        #expect(EmailbackupMapping.lostFields(of: a) == [
            "incoming_protocol", "incoming_security", "incoming_drafts_folder", "outgoing_user", "outgoing_bcc",
            "global", "erp_project_id", "extras.Antwort",
        ])
    }
}
