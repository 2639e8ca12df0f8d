import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

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

    func findings(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
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
    }

    @Test func junitReportParsesAndCountsFailures() throws {
        let dir = TemporaryDirectory()
        let result = try MM.run(["validate", MM.samples, "--format", "junit"], in: dir.path)
        #expect(result.status == 4)
        final class Collector: NSObject, XMLParserDelegate {
            var suites: [[String: String]] = []
            var cases = 0
            var failures: [String] = []
            var current = ""
            func parser(_ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?,
                        attributes a: [String: String] = [:]) {
                if e == "testsuite" { suites.append(a) }
                if e == "testcase" { cases += 1; current = a["name"] ?? "" }
                if e == "failure" { failures.append(current) }
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(result.stdout.utf8))
        parser.delegate = collector
        #expect(parser.parse())
        #expect(collector.cases == 24)
        #expect(collector.suites.first?["tests"] == "24")
        // Accounts with an error: the golden list's error rules.
        #expect(collector.failures == [
            "rechnung@mueller-maschinenbau.de", "lager@schaefer-moebel.de", "alt.konto.becker@gmail.com",
            "marketing@becker-druck.de", "test@hoffmann-shop.de", "tickets@nowak-handel.de",
        ])
        #expect(collector.suites.first?["failures"] == "6")
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
