import Foundation
import TestSupport
import Testing

/// OpenXE dumps in, OpenXE SQL out, checked against a real MariaDB
/// (scripts/openxe-load starts a throw-away server on a private socket).
@Suite struct OpenXETests {
    typealias MM = MailMigrateBinary
    static let fixtures = MM.packageRoot.appendingPathComponent("Tests/Fixtures/openxe").path

    func jsonl(_ path: String) throws -> [[String: AnyHashable]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: AnyHashable])
        }
    }

    @Test func runCountsTheDeletedRowAsSkipped() throws {
        let dir = TemporaryDirectory()
        let result = try MM.run(["run", Self.fixtures + "/default.sql.gz", "--json", "--db", "o.sqlite"], in: dir.path)
        #expect(result.status == 0)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(summary["records_read"] as? Int == 8)
        #expect(summary["accounts_new"] as? Int == 7)  // 6 emailbackup rows and the default account
        #expect(summary["skipped_records"] as? Int == 1)
        #expect(summary["rejected"] as? Int == 0)
        let text = try MM.run(["run", Self.fixtures + "/default.sql", "--db", "o.sqlite"], in: dir.path)
        #expect(text.stderr.contains("  skipped            1 (deleted in their system; --include-deleted imports them)\n"))
    }

    /// `run --repair-double-encoding` on the default dump of a latin1 table
    /// holding UTF-8: the damaged texts are stored as they were meant, the
    /// text that was right stays, and each repair is an info finding of the
    /// run. It does not go with --no-validate, which would store no finding.
    @Test func runRepairsDoubleEncodedTextAndSaysSo() throws {
        let dir = TemporaryDirectory()
        let source = Self.fixtures + "/legacy-default.sql"
        let result = try MM.run(["run", source, "--repair-double-encoding", "--json", "--db", "r.sqlite"], in: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((summary["findings"] as? [String: Int])?["info"] == 6)
        #expect(try dir.shell("sqlite3 -separator '|' r.sqlite 'SELECT display_name, description, outgoing_sender_name, signature_html FROM accounts ORDER BY id' > a.txt") == 0)
        #expect(dir.read("a.txt") == """
            Müller Maschinenbau GmbH|Büro – Zentrale|Müller – Vertrieb|<p>Mit freundlichen Grüßen – Ihr Team</p>
            Bäckerei Groß|Filiale Süd|Bäckerei Groß|<p>Grüße aus der Backstube</p>

            """)
        #expect(try dir.shell("sqlite3 -separator '|' r.sqlite 'SELECT rule, severity, field, message FROM findings ORDER BY id' > f.txt") == 0)
        #expect(dir.read("f.txt") == """
            double-encoded-text|info|display_name|display_name was double-encoded: "MÃ¼ller Maschinenbau GmbH" stored as "Müller Maschinenbau GmbH"
            double-encoded-text|info|description|description was double-encoded: "BÃ¼ro â€“ Zentrale" stored as "Büro – Zentrale"
            double-encoded-text|info|outgoing_sender_name|outgoing_sender_name was double-encoded: "MÃ¼ller â€“ Vertrieb" stored as "Müller – Vertrieb"
            double-encoded-text|info|autoresponder_subject|autoresponder_subject was double-encoded: "Ihre Anfrage â€ž{BETREFF}â€œ" stored as "Ihre Anfrage „{BETREFF}“"
            double-encoded-text|info|autoresponder_text|autoresponder_text was double-encoded: "<p>Vielen Dank fÃ¼r Ihre Nachricht.</p>" stored as "<p>Vielen Dank für Ihre Nachricht.</p>"
            double-encoded-text|info|signature_html|signature_html was double-encoded: "<p>Mit freundlichen GrÃ¼ÃŸen â€“ Ihr Team</p>" stored as "<p>Mit freundlichen Grüßen – Ihr Team</p>"

            """)
        let both = try MM.run(["run", source, "--repair-double-encoding", "--no-validate", "--db", "n.sqlite"], in: dir.path)
        #expect(both.status == 2)
        #expect(both.stderr.contains("Error: --repair-double-encoding stores each repair as a finding; it does not go with --no-validate\n"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/n.sqlite"))
    }

    /// An unknown code is an error that names the row and the value.
    @Test func validateNamesTheRowOfAnUnknownCode() throws {
        let dir = TemporaryDirectory()
        let result = try MM.run(["validate", Self.fixtures + "/compact.sql", "--format", "json"], in: dir.path)
        #expect(result.status == 4)
        let findings = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let messages = findings.filter {
            ($0["source"] as? String)?.hasSuffix("compact.sql:55 (emailbackup id=5)") == true && $0["rule"] as? String == "unknown-value"
        }.compactMap { $0["message"] as? String }
        #expect(messages == [
            "incoming_security is 'imap_type 7', which is not one of: none, starttls, tls",
            "outgoing_security is 'smtp_ssl 9', which is not one of: none, starttls, tls",
            "outgoing_auth is 'smtp_authtype xoauth2', which is not one of: password, oauth2, none",
            "archive_delete_after_days is 'nie', not a number of days",
        ])
        #expect(result.stderr == "1 record skipped: deleted in its system (--include-deleted includes it)\n")
    }

    /// dump → run → export --to openxe-sql → real MariaDB → the same rows,
    /// column by column, and the same default account.
    @Test func roundTripThroughMariaDB() throws {
        let dir = TemporaryDirectory()
        for variant in ["default.sql", "complete-insert.sql"] {
            let run = try MM.run(["run", "--quiet", "--include-deleted", Self.fixtures + "/" + variant, "--db", "\(variant).sqlite"], in: dir.path)
            #expect(run.status == 0, "\(run.stderr)")
            let export = try MM.run(
                ["export", "--db", "\(variant).sqlite", "--to", "openxe-sql", "--include-secrets", "-o", "\(variant).out.sql"],
                in: dir.path)
            #expect(export.status == 0 && export.stderr == "", "\(export.stderr)")
            let load = MM.packageRoot.appendingPathComponent("scripts/openxe-load").path
            #expect(try dir.shell("'\(load)' '\(variant).out.sql' loaded-\(variant) 2>load.err") == 0, "\(dir.read("load.err") ?? "")")

            let original = try jsonl(Self.fixtures + "/expected-emailbackup.jsonl")
            let loaded = try jsonl(dir.path + "/loaded-\(variant)/emailbackup.jsonl")
            #expect(loaded.count == 7)
            for (a, b) in zip(original, loaded) {
                #expect(a.count == 42 && b.count == 42)
                for (column, value) in a { #expect(b[column] == value, "id \(a["id"]!) column \(column)") }
            }
            let company = try jsonl(Self.fixtures + "/expected-firmendaten.jsonl")[1]
            let loadedCompany = try jsonl(dir.path + "/loaded-\(variant)/firmendaten.jsonl")[1]
            #expect(loadedCompany == company)
            let values = try jsonl(dir.path + "/loaded-\(variant)/firmendaten_werte.jsonl")
            #expect(values.map { [$0["name"]!, $0["wert"]!] } == [
                ["email", "noreply@becker-druck.de"], ["absendername", "Becker Druck – Auftragsbestätigung"],
            ])
        }
    }

    /// Without --include-secrets no password reaches the file.
    @Test func exportWithoutSecretsWritesNoPassword() throws {
        let dir = TemporaryDirectory()
        try MM.run(["run", "--quiet", Self.fixtures + "/default.sql"], in: dir.path)
        let export = try MM.run(["export", "--to", "openxe-sql", "--with-schema"], in: dir.path)
        #expect(export.status == 0)
        for secret in ["Sommer2024!Mm", "Pa\\'ss", "1//0gLx-secret", "Presse!1", "Druck\\'Sache"] {
            #expect(!export.stdout.contains(secret), "\(secret)")
        }
        #expect(export.stdout.contains("-- Passwords and OAuth parameters are left empty (mailmigrate export --include-secrets writes them).\n"))
        #expect(export.stdout.contains("CREATE TABLE IF NOT EXISTS `emailbackup` ("))
        #expect(export.stdout.components(separatedBy: "INSERT INTO `emailbackup`").count - 1 == 6)
    }

    /// What OpenXE cannot hold is named, per account, in a warning and a comment.
    @Test func fieldsOpenXECannotHoldAreNamed() throws {
        let dir = TemporaryDirectory()
        dir.file("a.csv", """
            email,incoming_protocol,incoming_host,incoming_user,incoming_drafts_folder,outgoing_bcc,global
            info@example.de,pop3,pop.example.de,info,Entwürfe,archiv@example.de,true

            """)
        try MM.run(["run", "--quiet", "a.csv"], in: dir.path)
        let export = try MM.run(["export", "--to", "openxe-sql"], in: dir.path)
        #expect(export.status == 0)
        let note = "OpenXE has no column for: incoming_protocol, incoming_drafts_folder, outgoing_bcc, global"
        #expect(export.stderr == "mailmigrate: warning: info@example.de (a.csv:2): \(note)\n")
        #expect(export.stdout.contains("-- info@example.de (a.csv:2): \(note)\nINSERT INTO `emailbackup`"))
    }

    /// OpenXE's tables are utf8mb3: a character beyond the BMP (an emoji)
    /// becomes '?' there, so the fields that hold one are named. Nothing is
    /// said of a password's characters, even with `--include-secrets`.
    @Test func fieldsWithCharactersBeyondUtf8mb3AreNamed() throws {
        let dir = TemporaryDirectory()
        dir.file("a.csv", """
            email,incoming_protocol,incoming_host,incoming_user,incoming_password,display_name,signature_html
            info@example.de,imap,imap.example.de,info,Pw😀x,Team 🚀,Grüße 😀

            """)
        try MM.run(["run", "--quiet", "a.csv"], in: dir.path)
        let note = "characters beyond utf8mb3 (emoji) become '?' in OpenXE: display_name, signature_html"
        for secrets in [[], ["--include-secrets"]] {
            let export = try MM.run(["export", "--to", "openxe-sql"] + secrets, in: dir.path)
            #expect(export.status == 0)
            #expect(export.stderr == "mailmigrate: warning: info@example.de (a.csv:2): \(note)\n")
            #expect(export.stdout.contains("\n-- info@example.de (a.csv:2): \(note)\nINSERT INTO `emailbackup`"))
        }
    }

    /// A line break in an account's name (a spreadsheet cell's, CR LF) stays
    /// inside the comment line that names it: a new line would start SQL.
    @Test func aNoteNamingAnAccountStaysOneCommentLine() throws {
        let dir = TemporaryDirectory()
        dir.file(
            "a.csv",
            "email,incoming_protocol,incoming_host,incoming_user,global\r\n\"info\r\n@example.de\",imap,imap.example.de,info,true\r\n"
                + "\"team\r@example.de\",imap,imap.example.de,team,true\r\n")
        try MM.run(["run", "--quiet", "a.csv"], in: dir.path)
        let export = try MM.run(["export", "--to", "openxe-sql"], in: dir.path)
        #expect(export.status == 0)
        #expect(export.stdout.contains("\n-- info  @example.de (a.csv:2): OpenXE has no column for: global\nINSERT INTO `emailbackup`"))
        #expect(export.stdout.contains("\n-- team @example.de (a.csv:4): OpenXE has no column for: global\nINSERT INTO `emailbackup`"))
        #expect(!export.stdout.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).contains { $0.hasPrefix("@example.de") })
    }
}
