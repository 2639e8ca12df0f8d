import Foundation
import TestSupport
import Testing

import Importers

/// `mailmigrate validate` and `mailmigrate rules`, run as a user runs them.
@Suite struct ValidateTests {
    typealias MM = MailMigrateBinary

    /// Every deliberate mistake in samples/accounts.csv, and nothing else.
    static let golden: [(String, String)] = [
        ("buchhaltung@schaefer-moebel.de", "delete-on-server"),
        ("mustermann@celanio-kunde.de", "duplicate-sender"),
        ("rechnung@mueller-maschinenbau.de", "port-security-mismatch"),
        ("rechnung@mueller-maschinenbau.de", "cleartext-connection"),
        ("rechnung@mueller-maschinenbau.de", "password-over-cleartext"),
        ("lager@schaefer-moebel.de", "cleartext-connection"),
        ("lager@schaefer-moebel.de", "cleartext-connection"),
        ("lager@schaefer-moebel.de", "password-over-cleartext"),
        ("lager@schaefer-moebel.de", "password-over-cleartext"),
        ("lager@schaefer-moebel.de", "submission-on-port-25"),
        ("alt.konto.becker@gmail.com", "provider-requires-oauth"),
        ("alt.konto.becker@gmail.com", "provider-requires-oauth"),
        ("service@weiss-logistik.de", "autoresponder-ticket-subject"),
        ("marketing@becker-druck.de", "unknown-value"),
        ("test@hoffmann-shop.de", "invalid-port"),
        ("presse@wagner-steuer.de", "unknown-placeholder"),
        ("presse@wagner-steuer.de", "signature-image-not-external"),
        ("versand@krueger-bau.de", "sender-mismatch"),
        ("tickets@nowak-handel.de", "ticket-without-incoming"),
    ]

    /// Every finding of the OpenXE dump fixtures (deleted row included), by row.
    static let openXEGolden: [String] = [
        "vertrieb@example.de cleartext-connection emailbackup id=2",
        "vertrieb@example.de password-over-cleartext emailbackup id=2",
        "kundenservice.schaefer@gmail.com delete-on-server emailbackup id=3",
        "alt@example.de port-security-mismatch emailbackup id=4",
        "alt@example.de cleartext-connection emailbackup id=4",
        "alt@example.de password-over-cleartext emailbackup id=4",
        "test@example.de invalid-port emailbackup id=5",
        "test@example.de invalid-port emailbackup id=5",
        "test@example.de unknown-value emailbackup id=5",
        "test@example.de unknown-value emailbackup id=5",
        "test@example.de unknown-value emailbackup id=5",
        "test@example.de unknown-value emailbackup id=5",
        " missing-host emailbackup id=7",
        " missing-address emailbackup id=7",
    ]

    /// The same findings from every form the rows come in: SQL dumps, the
    /// XML dump, the edit pages, mysql --html.
    @Test(arguments: ["default.sql", "default.sql.gz", "complete-insert.sql", "dump.xml", "emailbackup.html", "pages"])
    func openXEFixturesGiveExactlyTheExpectedFindings(source: String) throws {
        let dir = TemporaryDirectory()
        let path = MM.packageRoot.appendingPathComponent("Tests/Fixtures/openxe/" + source).path
        let result = try MM.run(["validate", path, "--format", "json", "--include-deleted"], in: dir.path)
        #expect(result.status == 4)
        let triples = try findings(result.stdout).map { f -> String in
            let position = (f["source"] as? String ?? "").split(separator: "(").last.map { String($0.dropLast()) } ?? ""
            return "\(f["account"] as? String ?? "") \(f["rule"] as? String ?? "") \(position)"
        }
        #expect(triples == Self.openXEGolden)
    }

    /// An `emailbackup` still in latin1 that holds UTF-8 written through a
    /// latin1 connection (real MariaDB, scripts/openxe-fixtures): mysqldump's
    /// default output shows it double-encoded, and each damaged text is named
    /// with what it should read. The latin1 dump of the same table, which the
    /// rule's fix recommends, reads as it was written and has no such finding.
    @Test func aLatin1TableHoldingUTF8IsFoundDoubleEncoded() throws {
        let dir = TemporaryDirectory()
        func doubleEncoded(_ fixture: String) throws -> [String] {
            let path = MM.packageRoot.appendingPathComponent("Tests/Fixtures/openxe/" + fixture).path
            let result = try MM.run(["validate", path, "--format", "json", "--fail-on", "never"], in: dir.path)
            #expect(result.status == 0, "\(result.stderr)")
            return try findings(result.stdout).filter { $0["rule"] as? String == "double-encoded-text" }.map {
                "\($0["account"] as? String ?? "") \($0["message"] as? String ?? "")"
            }
        }
        let account = "info@mueller-maschinenbau.de"
        #expect(try doubleEncoded("legacy-default.sql") == [
            "\(account) display_name looks double-encoded: \"MÃ¼ller Maschinenbau GmbH\" should read \"Müller Maschinenbau GmbH\"",
            "\(account) description looks double-encoded: \"BÃ¼ro â€“ Zentrale\" should read \"Büro – Zentrale\"",
            "\(account) outgoing_sender_name looks double-encoded: \"MÃ¼ller â€“ Vertrieb\" should read \"Müller – Vertrieb\"",
            "\(account) autoresponder_subject looks double-encoded: \"Ihre Anfrage â€ž{BETREFF}â€œ\" should read \"Ihre Anfrage „{BETREFF}“\"",
            "\(account) autoresponder_text looks double-encoded: \"<p>Vielen Dank fÃ¼r Ihre Nachricht.</p>\" should read \"<p>Vielen Dank für Ihre Nachricht.</p>\"",
            "\(account) signature_html looks double-encoded: \"<p>Mit freundlichen GrÃ¼ÃŸen â€“ Ihr Team</p>\" should read \"<p>Mit freundlichen Grüßen – Ihr Team</p>\"",
        ])
        #expect(try doubleEncoded("legacy-latin1.sql") == [])
    }

    /// With --providers, accounts of a provider in the ISPDB are compared with what it publishes.
    @Test func providerSettingsDiffer() throws {
        let dir = TemporaryDirectory()
        dir.file("t.csv", """
            email,incoming_protocol,incoming_host,incoming_port,incoming_security,incoming_user,outgoing_enabled,outgoing_host,outgoing_port,outgoing_security,outgoing_user
            a@t-online.de,imap,secureimap.t-online.de,993,tls,a@t-online.de,true,securesmtp.t-online.de,587,starttls,a@t-online.de
            b@t-online.de,imap,imap.t-online.de,993,tls,b@t-online.de,true,securesmtp.t-online.de,25,starttls,b@t-online.de
            c@example.de,imap,imap.example.de,993,tls,c,false,,,,

            """)
        let ispdb = MM.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/ispdb").path
        let result = try MM.run(["validate", "t.csv", "--format", "json", "--providers", ispdb], in: dir.path)
        let differ = try findings(result.stdout).filter { $0["rule"] as? String == "provider-settings-differ" }
        #expect(differ.map { "\($0["account"] as? String ?? "") \($0["field"] as? String ?? ""): \($0["message"] as? String ?? "")" } == [
            "b@t-online.de incoming_host: IMAP imap.t-online.de:993 tls differs from what t-online publishes: secureimap.t-online.de:993 tls",
            "b@t-online.de outgoing_port: SMTP securesmtp.t-online.de:25 starttls differs from what t-online publishes: securesmtp.t-online.de:465 tls or securesmtp.t-online.de:587 starttls",
        ])
        // Without --providers the rule finds nothing.
        let plain = try MM.run(["validate", "t.csv", "--format", "json"], in: dir.path)
        #expect(try findings(plain.stdout).allSatisfy { $0["rule"] as? String != "provider-settings-differ" })
    }

    func findings(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// The duplicate rules keep their keys on disk past 10,000 (memory stays
    /// flat for a batch of any size): a duplicate of the first of 12,000
    /// accounts, and one of an account seen after the move, are both found
    /// and name the first record.
    @Test func duplicatesAreFoundPastTheKeysKeptInMemory() throws {
        let dir = TemporaryDirectory()
        var csv = "email,incoming_protocol,incoming_host,incoming_port,incoming_security,incoming_user\n"
        for n in 1...12_000 { csv += "konto-\(n)@example.de,imap,imap.example.de,993,tls,konto-\(n)\n" }
        csv += "KONTO-1@example.de,imap,IMAP.example.de,993,tls,konto-1\n"
        csv += "konto-11999@example.de,imap,imap.example.de,993,tls,konto-11999\n"
        dir.file("t.csv", csv)
        let result = try MM.run(["validate", "t.csv", "--format", "json"], in: dir.path)
        #expect(result.status == 4)
        #expect(result.stderr == "")
        let duplicates = try findings(result.stdout).filter { ($0["rule"] as? String ?? "").hasPrefix("duplicate-") }
            .map { "\($0["source"] as? String ?? "") \($0["rule"] as? String ?? "") \($0["message"] as? String ?? "")" }
        #expect(duplicates == [
            "t.csv:12002 duplicate-account the same account (address, server and login) as t.csv:2",
            "t.csv:12003 duplicate-account the same account (address, server and login) as t.csv:12000",
        ])
    }

    @Test func samplesGiveExactlyTheExpectedFindings() throws {
        let dir = TemporaryDirectory()
        let result = try MM.run(["validate", MM.samples, "--format", "json"], in: dir.path)
        #expect(result.status == 4)
        let pairs = try findings(result.stdout).map { ($0["account"] as? String ?? "", $0["rule"] as? String ?? "") }
        #expect(pairs.map { "\($0.0) \($0.1)" } == Self.golden.map { "\($0.0) \($0.1)" })
        let first = try #require(try findings(result.stdout).first)
        #expect(first["source"] as? String == MM.samples + "/accounts.csv:4")
        #expect(first["severity"] as? String == "warning")
        #expect(first["field"] as? String == "incoming_delete_on_server")
        #expect(first["fix"] as? String == "Switch deleting off until the old system is shut down.")
    }

    @Test func theStoredAccountsValidateLikeTheirSource() throws {
        let dir = TemporaryDirectory()
        try MM.run(["run", MM.samples, "--quiet"], in: dir.path)
        let stored = try MM.run(["validate", "--format", "json"], in: dir.path)
        #expect(stored.status == 4)
        let pairs = try findings(stored.stdout).map { "\($0["account"] as? String ?? "") \($0["rule"] as? String ?? "")" }
        #expect(pairs == Self.golden.map { "\($0.0) \($0.1)" })
    }

    @Test func runStoresTheFindingsOfItsAccounts() throws {
        let dir = TemporaryDirectory()
        let result = try MM.run(["run", MM.samples, "--json"], in: dir.path)
        #expect(result.status == 0)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(summary["findings"] as? [String: Int] == ["error": 9, "warning": 9, "info": 0])  // duplicate-sender is validate's
        let text = try MM.run(["run", MM.samples, "--db", "other.sqlite"], in: dir.path)
        #expect(text.stderr.contains("  findings           9 errors, 9 warnings, 0 info (mailmigrate validate --db other.sqlite)\n"))
        let skipped = try MM.run(["run", MM.samples, "--db", "none.sqlite", "--json", "--no-validate"], in: dir.path)
        let noFindings = try #require(try JSONSerialization.jsonObject(with: Data(skipped.stdout.utf8)) as? [String: Any])
        #expect(noFindings["findings"] == nil)
    }

    @Test func failOnSetsTheExitCode() throws {
        let dir = TemporaryDirectory()
        dir.file("ok.csv", "email,incoming_protocol,incoming_host,incoming_port,incoming_security\na@x.de,imap,imap.x.de,993,tls\n")
        dir.file("warn.csv", "email,incoming_protocol,incoming_host,incoming_port,incoming_security\na@x.de,imap,imap.x.de,143,none\n")
        #expect(try MM.run(["validate", "ok.csv"], in: dir.path).status == 0)
        #expect(try MM.run(["validate", "warn.csv"], in: dir.path).status == 0)  // a warning, and --fail-on error
        #expect(try MM.run(["validate", "warn.csv", "--fail-on", "warning"], in: dir.path).status == 4)
        #expect(try MM.run(["validate", MM.samples, "--fail-on", "never"], in: dir.path).status == 0)
        let text = try MM.run(["validate", "warn.csv"], in: dir.path).stdout
        #expect(text == """
            a@x.de  warn.csv:2
              warning  cleartext-connection          incoming_security: IMAP connection is not encrypted
                       fix: Use implicit TLS (IMAP 993, POP3 995, SMTP 465) or at least STARTTLS.
            1 accounts, 1 with findings: 0 errors, 1 warnings, 0 info

            """)
        #expect(!text.contains("\u{1B}["))  // no colour when standard output is no terminal
    }

    /// An address cell with a line break (Excel's Alt+Enter) or a terminal's
    /// escape sequence: the rule names the character, the text report shows
    /// it escaped on the finding's one line, JSON keeps the value as it is.
    @Test func controlCharactersInAnAddressAreNamedAndShownEscaped() throws {
        let dir = TemporaryDirectory()
        dir.file("ctl.csv", "email,incoming_protocol,incoming_host,incoming_port,incoming_security\n"
            + "\"info\nbuero@x.de\",imap,imap.x.de,993,tls\n"
            + "\"a\u{1B}[2Jb@x.de\",imap,imap.x.de,993,tls\n"
            + "a(b)@x.de,imap,imap.x.de,993,tls\n")
        let text = try MM.run(["validate", "ctl.csv"], in: dir.path)
        #expect(text.status == 4)
        #expect(text.stdout == """
            info\\nbuero@x.de  ctl.csv:2
              error    invalid-address               email: email 'info\\nbuero@x.de' has a control character (U+000A) before the '@'
                       fix: Correct the address (name@domain.tld).
            a\\u{1B}[2Jb@x.de  ctl.csv:4
              error    invalid-address               email: email 'a\\u{1B}[2Jb@x.de' has a control character (U+001B) before the '@'
                       fix: Correct the address (name@domain.tld).
            a(b)@x.de  ctl.csv:5
              error    invalid-address               email: email 'a(b)@x.de' has '(' before the '@', which an address holds only in quotes
                       fix: Correct the address (name@domain.tld).
            3 accounts, 3 with findings: 3 errors, 0 warnings, 0 info

            """)
        let json = try findings(try MM.run(["validate", "ctl.csv", "--format", "json"], in: dir.path).stdout)
        #expect(json.map { $0["account"] as? String } == ["info\nbuero@x.de", "a\u{1B}[2Jb@x.de", "a(b)@x.de"])
    }

    /// A record that cannot be read is a line on standard error when it is
    /// met, after the findings of the accounts before it (nothing is held
    /// until the end), its value escaped as in `run`; a count closes the run.
    @Test func rejectedRecordsAreListedAsTheyAreMetEscaped() throws {
        let dir = TemporaryDirectory()
        dir.file("mixed.csv", "email,incoming_protocol,incoming_host,incoming_port,incoming_security\n"
            + "a(b)@x.de,imap,imap.x.de,993,tls\n"
            + "c@x.de,imap,imap.x.de,9\u{1B}[2J3,tls\n"
            + "d(e)@x.de,imap,imap.x.de,993,tls\n"
            + "f@x.de,imap,imap.x.de,x,tls\n")
        let apart = try MM.run(["validate", "mixed.csv", "--fail-on", "never"], in: dir.path)
        #expect(apart.status == 3)
        #expect(apart.stderr == """
            mixed.csv:3: rejected: incoming_port: expected a whole number, got '9\\u{1B}[2J3'
            mixed.csv:5: rejected: incoming_port: expected a whole number, got 'x'
            2 records could not be read and were not checked

            """)
        #expect(apart.stdout.hasSuffix("2 accounts, 2 with findings: 2 errors, 0 warnings, 0 info\n"))
        // Findings at --fail-on decide the exit code before rejects do.
        #expect(try MM.run(["validate", "mixed.csv"], in: dir.path).status == 4)
        // Both streams into one file: the order in which the records were read.
        #expect(try dir.shell("'\(MM.url.path)' validate mixed.csv --fail-on never > both.txt 2>&1") == 3)
        let both = try String(contentsOfFile: dir.path + "/both.txt", encoding: .utf8)
        #expect(both == """
            a(b)@x.de  mixed.csv:2
              error    invalid-address               email: email 'a(b)@x.de' has '(' before the '@', which an address holds only in quotes
                       fix: Correct the address (name@domain.tld).
            mixed.csv:3: rejected: incoming_port: expected a whole number, got '9\\u{1B}[2J3'
            d(e)@x.de  mixed.csv:4
              error    invalid-address               email: email 'd(e)@x.de' has '(' before the '@', which an address holds only in quotes
                       fix: Correct the address (name@domain.tld).
            mixed.csv:5: rejected: incoming_port: expected a whole number, got 'x'
            2 accounts, 2 with findings: 2 errors, 0 warnings, 0 info
            2 records could not be read and were not checked

            """)
    }

    @Test func rulesFileIsApplied() throws {
        let dir = TemporaryDirectory()
        dir.file("rules.json", #"{"disabled": ["provider-requires-oauth"], "severity": {"cleartext-connection": "error"}}"#)
        let result = try MM.run(["validate", MM.samples, "--format", "json", "--rules", "rules.json"], in: dir.path)
        let all = try findings(result.stdout)
        #expect(!all.contains { $0["rule"] as? String == "provider-requires-oauth" })
        #expect(all.filter { $0["rule"] as? String == "cleartext-connection" }.allSatisfy { $0["severity"] as? String == "error" })
        dir.file("bad.json", #"{"disabled": ["nope"]}"#)
        let bad = try MM.run(["validate", MM.samples, "--rules", "bad.json"], in: dir.path)
        #expect(bad.status == 1)
        #expect(bad.stderr == "mailmigrate: bad.json: disabled: unknown rule 'nope'\n")
        // Broken JSON is named by line and column, in run as in validate.
        dir.file("broken.json", "{\"disabled\": [\"sender-mismatch\"],\n \"severity\": {\"cleartext-connection\": error}}\n")
        let broken = try MM.run(["validate", MM.samples, "--rules", "broken.json"], in: dir.path)
        #expect(broken.status == 1 && broken.stderr == "mailmigrate: broken.json: line 2, column 39: not valid JSON (Invalid value)\n")
        let run = try MM.run(["run", MM.samples, "--rules", "broken.json"], in: dir.path)
        #expect(run.status == 1 && run.stderr == "mailmigrate: broken.json: line 2, column 39: not valid JSON (Invalid value)\n")
    }

    @Test func junitReportParsesAndCountsFailures() throws {
        let dir = TemporaryDirectory()
        let result = try MM.run(["validate", MM.samples, "--format", "junit"], in: dir.path)
        #expect(result.status == 4)
        // Parsed back with libxml2 (the importers' safe parser).
        let report = try MarkupParser.xml(Array(result.stdout.utf8), path: "junit.xml")
        let suites = report.name == "testsuite" ? [report] : report.descendants(named: "testsuite")
        let cases = report.descendants(named: "testcase")
        #expect(cases.count == 24)
        #expect(suites.first?.attributes["tests"] == "24")
        // Accounts with an error: the golden list's error rules.
        #expect(cases.filter { !$0.children(named: "failure").isEmpty }.compactMap { $0.attributes["name"] } == [
            "rechnung@mueller-maschinenbau.de", "lager@schaefer-moebel.de", "alt.konto.becker@gmail.com",
            "marketing@becker-druck.de", "test@hoffmann-shop.de", "tickets@nowak-handel.de",
        ])
        #expect(suites.first?.attributes["failures"] == "6")
    }

    /// A JUnit report larger than its 64 KiB spool chunks comes out whole:
    /// every test case, and umlauts intact where a chunk ends inside one.
    @Test func aLargeJUnitReportIsWhole() throws {
        let dir = TemporaryDirectory()
        var csv = "email,display_name,incoming_protocol,incoming_host,incoming_port,incoming_security,incoming_user\n"
        for i in 0..<1500 { csv += "jörg.müller\(i)@bäckerei.de,Jörg Müller,imap,imap.bäckerei.de,993,none,jörg\(i)\n" }
        dir.file("many.csv", csv)
        let result = try MM.run(["validate", "many.csv", "--format", "junit"], in: dir.path)
        #expect(result.status == 4)
        #expect(result.stdout.utf8.count > 4 << 16 && !result.stdout.contains("\u{FFFD}"))
        let report = try MarkupParser.xml(Array(result.stdout.utf8), path: "junit.xml")
        let cases = report.descendants(named: "testcase")
        #expect(cases.count == 1500)
        #expect(cases.last?.attributes["name"] == "jörg.müller1499@bäckerei.de")
        #expect(report.descendants(named: "testsuite").first?.attributes["failures"] == "1500")
    }

    /// When the JUnit spool cannot be written (here: a file size limit, as a
    /// full /tmp would), validate fails and prints no report that lacks test cases.
    @Test func aJUnitSpoolThatCannotBeWrittenFailsTheRun() throws {
        let dir = TemporaryDirectory()
        var csv = "email,incoming_protocol,incoming_host,incoming_port,incoming_security\n"
        for i in 0..<1500 { csv += "a\(i)@x.de,imap,imap.x.de,993,none\n" }
        dir.file("many.csv", csv)
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        // 16 blocks of 512 bytes; SIGXFSZ ignored, so that the write fails with EFBIG instead of killing.
        shell.arguments = ["-c", "trap '' XFSZ; ulimit -f 16; exec \"$0\" validate many.csv --format junit >out.xml 2>err.txt", MM.url.path]
        shell.currentDirectoryURL = URL(fileURLWithPath: dir.path)
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 1)
        #expect(dir.read("out.xml") == "")
        #expect(dir.read("err.txt") == "mailmigrate: the JUnit report's temporary file in /tmp: cannot write: File too large\n")
    }

    @Test func rulesCommandListsTheCatalogue() throws {
        let dir = TemporaryDirectory()
        let result = try MM.run(["rules", "--json"], in: dir.path)
        #expect(result.status == 0)
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: String]])
        let ids = rules.compactMap { $0["id"] }
        for id in Set(Self.golden.map(\.1)) { #expect(ids.contains(id)) }
        #expect(ids.count >= 23)
        #expect(rules.allSatisfy { !($0["rationale"] ?? "").isEmpty && !($0["fix"] ?? "").isEmpty })
    }
}
