import TestSupport
import Foundation
import Testing

/// No sample password appears in what a default run or export prints or writes.
@Suite struct SecretLeakTests {
    typealias MM = MailMigrateBinary

    /// The passwords and OAuth parameters in the bundled sample, read from the CSV.
    static func samplePasswords() throws -> [String] {
        let rows = parseCSV(try String(contentsOfFile: MM.samples + "/accounts.csv", encoding: .utf8))
        let columns = ["incoming_password", "outgoing_password", "outgoing_oauth_parameter"].compactMap {
            rows[0].firstIndex(of: $0)
        }
        var secrets = Set<String>()
        for row in rows.dropFirst() {
            for c in columns where !row[c].isEmpty { secrets.insert(row[c]) }
        }
        return secrets.sorted()
    }

    /// A small RFC 4180 reader of its own, so the test does not trust the code it tests.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\n" {
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.append(c)
            }
        }
        return rows
    }

    @Test func noSamplePasswordInOutputOrDefaultExports() throws {
        let secrets = try Self.samplePasswords()
        #expect(secrets.count >= 15)
        let dir = TemporaryDirectory()
        var seen = ""
        for arguments in [
            ["run", MM.samples], ["run", MM.samples, "--json"], ["export", "--to", "csv"], ["export", "--to", "jsonl"],
            ["export", "--to", "csv", "-o", "x.csv"], ["export", "--to", "jsonl", "-o", "x.jsonl.gz"],
        ] {
            let result = try MM.run(arguments, in: dir.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            seen += result.stdout + result.stderr
        }
        seen += dir.read("x.csv") ?? ""
        #expect(try dir.shell("gzip -dc x.jsonl.gz > x.jsonl") == 0)
        seen += dir.read("x.jsonl") ?? ""
        #expect(seen.contains("<redacted>"))
        for secret in secrets { #expect(!seen.contains(secret), "secret leaked: \(secret.prefix(3))…") }
        // A password column canonical CSV does not know is kept in extras, and redacted too.
        dir.file("foreign.csv", "email,incoming_host,Passwort\nf@x.de,imap.x.de,Fremd!Geheim9\n")
        #expect(try MM.run(["run", "foreign.csv", "--db", "f.sqlite", "--quiet"], in: dir.path).status == 0)
        for format in ["csv", "jsonl"] {
            let export = try MM.run(["export", "--db", "f.sqlite", "--to", format], in: dir.path)
            #expect(export.stdout.contains("Passwort"))
            #expect(!export.stdout.contains("Fremd!Geheim9"))
        }
        // With the flag, they are there: the test would notice if the export lost them.
        let with = try MM.run(["export", "--to", "csv", "--include-secrets"], in: dir.path)
        for secret in secrets { #expect(with.stdout.contains(secret)) }
    }
}
