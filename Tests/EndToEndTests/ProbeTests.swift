import Foundation
import TestSupport
import Testing

/// `mailmigrate probe` and `run --probe` against the real servers of
/// scripts/mail-servers (started by scripts/test).
@Suite struct ProbeTests {
    typealias MM = MailMigrateBinary

    static var ports: [String: String] {
        guard let dir = ProcessInfo.processInfo.environment["MAILMIGRATE_MAIL_SERVERS"],
            let text = try? String(contentsOfFile: dir + "/ports.env", encoding: .utf8)
        else { return [:] }
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { out[String(parts[0])] = String(parts[1]) }
        }
        return out
    }

    func accounts(_ p: [String: String]) -> String {
        """
        email,incoming_protocol,incoming_host,incoming_port,incoming_security,incoming_auth,incoming_user,incoming_password,outgoing_enabled,outgoing_host,outgoing_port,outgoing_security,outgoing_auth,outgoing_user,outgoing_password
        anna@localhost,imap,localhost,\(p["IMAPS"]!),tls,password,anna,Anna-Secret-1,true,localhost,\(p["SUBMISSION"]!),starttls,password,anna,Anna-Secret-1
        bernd@localhost,pop3,localhost,\(p["POP3S"]!),tls,password,bernd,Falsch-Passwort-7,true,localhost,\(p["SUBMISSIONS"]!),tls,password,bernd,Bernd-Secret-2
        carl@localhost,imap,localhost,\(p["IMAP_NO_STARTTLS"]!),starttls,password,carl,Carl-Secret-3,false,,,,,,
        dora@localhost,imap,localhost,\(p["IMAP_STARTTLS"]!),none,password,anna,Anna-Secret-1,false,,,,,,

        """
    }

    static let passwords = ["Anna-Secret-1", "Falsch-Passwort-7", "Bernd-Secret-2", "Carl-Secret-3"]

    @Test(.enabled(if: !ports.isEmpty, "needs scripts/mail-servers (scripts/test starts them)"))
    func probeReportsEveryEndpointAndNoPassword() throws {
        let p = Self.ports
        let dir = TemporaryDirectory()
        dir.file("a.csv", accounts(p))
        let result = try MM.run(
            ["probe", "a.csv", "--login", "--ca-file", p["MAILMIGRATE_CA"]!, "--timeout", "8", "--format", "json"], in: dir.path)
        #expect(result.status == 5)
        let rows = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(rows.map { "\($0["account"]!) \($0["role"]!) \($0["status"]!)" } == [
            "anna@localhost incoming ok", "anna@localhost outgoing ok",
            "bernd@localhost incoming auth-failed", "bernd@localhost outgoing ok",
            "carl@localhost incoming starttls-unavailable",
            "dora@localhost incoming ok",
        ])
        #expect((rows[5]["login"] as? [String: String])?["status"] == "skipped")
        for secret in Self.passwords {
            #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "\(secret) in the output")
        }
    }

    /// A record that cannot be read is named on standard error, never
    /// dropped without a word, and makes the exit code 3 when every endpoint
    /// answered; its password is not quoted.
    @Test(.enabled(if: !ports.isEmpty, "needs scripts/mail-servers (scripts/test starts them)"))
    func probeNamesTheRecordsItCouldNotRead() throws {
        let p = Self.ports
        let dir = TemporaryDirectory()
        dir.file("a.csv", """
            email,incoming_protocol,incoming_host,incoming_port,incoming_security,incoming_auth,incoming_user,incoming_password
            anna@localhost,imap,localhost,\(p["IMAPS"]!),tls,password,anna,Anna-Secret-1
            bernd@localhost,imap,localhost,99x,tls,password,bernd,Bernd-Secret-2

            """)
        let result = try MM.run(["probe", "a.csv", "--login", "--ca-file", p["MAILMIGRATE_CA"]!, "--timeout", "8"], in: dir.path)
        #expect(result.status == 3)
        #expect(result.stdout.contains("anna@localhost"))
        #expect(!result.stdout.contains("bernd@localhost"))
        #expect(result.stderr == """
            a.csv:3: rejected: incoming_port: expected a whole number (value not shown: the row holds a password)
            1 record could not be read and was not connect-tested

            """)
    }

    @Test(.enabled(if: !ports.isEmpty, "needs scripts/mail-servers (scripts/test starts them)"))
    func runProbeStoresTheResultsWithoutPasswords() throws {
        let p = Self.ports
        let dir = TemporaryDirectory()
        dir.file("a.csv", accounts(p))
        let run = try MM.run(["run", "a.csv", "--probe", "--login", "--ca-file", p["MAILMIGRATE_CA"]!, "--timeout", "8"], in: dir.path)
        #expect(run.status == 5)
        #expect(run.stderr.contains("  connect tests      6 endpoints, 2 failed (table probe_results; mailmigrate probe --db mailmigrate.sqlite)\n"))
        #expect(try dir.shell("sqlite3 mailmigrate.sqlite 'SELECT * FROM probe_results' > probes.txt") == 0)
        let stored = try #require(dir.read("probes.txt"))
        #expect(stored.split(separator: "\n").count == 6)
        #expect(stored.contains("|auth-failed|the server refused the login: -ERR [AUTH] Authentication failed."))
        for secret in Self.passwords { #expect(!stored.contains(secret) && !run.stderr.contains(secret)) }
    }
}
