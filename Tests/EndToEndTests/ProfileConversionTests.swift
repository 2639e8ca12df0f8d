import Foundation
import TestSupport
import Testing

/// Converting between systems' layouts: what the target can hold comes back
/// the same, the rest is named per account.
@Suite struct ProfileConversionTests {
    typealias MM = MailMigrateBinary
    static let profiles = MM.samples + "/profiles"

    func jsonl(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func celanioToXentralAndBack() throws {
        let dir = TemporaryDirectory()
        let run = try MM.run(["run", Self.profiles + "/celanio.csv"], in: dir.path)
        #expect(run.status == 0)
        #expect(run.stderr.hasPrefix("mailmigrate: \(Self.profiles)/celanio.csv: profile celanio: 19 of 19 columns known\n"))
        let export = try MM.run(["export", "--to", "csv", "--profile", "xentral", "--include-secrets", "-o", "x.csv"], in: dir.path)
        #expect(export.status == 0)
        // Xentral has one login for IMAP and SMTP, no reply-to/global flags, no user groups and no POP3.
        #expect(export.stderr.split(separator: "\n").map(String.init) == [
            "mailmigrate: warning: service@metallbau-krause.de (\(Self.profiles)/celanio.csv:2): the xentral layout has no column for: usable_as_sender, usable_as_reply_to, visible_to_groups",
            "mailmigrate: warning: info@metallbau-krause.de (\(Self.profiles)/celanio.csv:3): the xentral layout has no column for: incoming_protocol, usable_as_reply_to, global, visible_to_groups",
        ])
        let back = try MM.run(["run", "x.csv", "--db", "back.sqlite"], in: dir.path)
        #expect(back.status == 0 && back.stderr.hasPrefix("mailmigrate: x.csv: profile xentral: 37 of 37 columns known\n"))
        let original = try jsonl(try MM.run(["export", "--to", "jsonl", "--include-secrets"], in: dir.path).stdout)
        let again = try jsonl(try MM.run(["export", "--to", "jsonl", "--include-secrets", "--db", "back.sqlite"], in: dir.path).stdout)
        #expect(original.count == 2 && again.count == 2)
        let held = ["email", "display_name", "incoming_host", "incoming_port", "incoming_security", "incoming_user",
                    "incoming_password", "outgoing_host", "outgoing_port", "outgoing_security", "outgoing_auth",
                    "visible_to_users"]
        for (a, b) in zip(original, again) {
            for key in held { #expect("\(a[key] ?? "")" == "\(b[key] ?? "")", "\(key)") }
        }
    }

    @Test func celanioToOpenXESQLNamesWhatOpenXECannotHold() throws {
        let dir = TemporaryDirectory()
        try MM.run(["run", "--quiet", Self.profiles + "/celanio.csv"], in: dir.path)
        let sql = try MM.run(["export", "--to", "openxe-sql", "--include-secrets"], in: dir.path)
        #expect(sql.status == 0)
        #expect(sql.stderr.contains("info@metallbau-krause.de (\(Self.profiles)/celanio.csv:3): OpenXE has no column for: incoming_protocol, usable_as_reply_to, global, visible_to_groups"))
        #expect(sql.stdout.components(separatedBy: "INSERT INTO `emailbackup`").count - 1 == 2)
    }

    /// The migration path end to end: celanio CSV → run → validate → export
    /// openxe-sql → a real MariaDB with OpenXE's tables loads it.
    @Test func celanioIntoOpenXEsDatabase() throws {
        let dir = TemporaryDirectory()
        let run = try MM.run(["run", "--quiet", Self.profiles + "/celanio.csv"], in: dir.path)
        #expect(run.status == 0)
        let validate = try MM.run(["validate", "--format", "json", "--fail-on", "never"], in: dir.path)
        #expect(validate.status == 0)
        let export = try MM.run(["export", "--to", "openxe-sql", "--include-secrets", "-o", "celanio.sql"], in: dir.path)
        #expect(export.status == 0)
        let load = MM.packageRoot.appendingPathComponent("scripts/openxe-load").path
        #expect(try dir.shell("'\(load)' celanio.sql loaded 2> load.err") == 0, "\(dir.read("load.err") ?? "")")
        let rows = try (dir.read("loaded/emailbackup.jsonl") ?? "").split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(rows.count == 2)
        #expect(rows.map { $0["email"] as? String } == ["service@metallbau-krause.de", "info@metallbau-krause.de"])
        #expect(rows.map { $0["server"] as? String } == ["imap.metallbau-krause.de", "pop.metallbau-krause.de"])
        #expect(rows.map { $0["imap_type"] as? Int } == [3, 3])
        #expect(rows.map { $0["smtp_ssl"] as? Int } == [2, 0])
        #expect(rows.map { $0["smtp_authtype"] as? String } == ["smtp", ""])
        #expect(rows.map { $0["passwort"] as? String } == ["Kr@use-1", "Info-99"])
    }

    @Test func aMappingFileOfOnesOwn() throws {
        let dir = TemporaryDirectory()
        let mapping = Self.profiles + "/mapping-example.json"
        let run = try MM.run(["run", Self.profiles + "/mapping-example.data.csv", "--mapping", mapping], in: dir.path)
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try jsonl(try MM.run(["export", "--to", "jsonl", "--include-secrets"], in: dir.path).stdout)
        #expect(rows.first?["incoming_security"] as? String == "tls" && rows.first?["usable_as_sender"] as? Bool == true)
        #expect(rows.first?["extras"] as? [String: String] == ["Kostenstelle": "7100"])
        let again = try MM.run(["export", "--to", "csv", "--mapping", mapping, "--include-secrets"], in: dir.path)
        #expect(again.stdout == (try String(contentsOfFile: Self.profiles + "/mapping-example.data.csv", encoding: .utf8)))
        dir.file("bad.json", #"{"name": "x", "columns": [{"header": "A", "fields": ["no_such_field"]}]}"#)
        let bad = try MM.run(["run", Self.profiles + "/mapping-example.data.csv", "--mapping", "bad.json"], in: dir.path)
        #expect(bad.status == 1 && bad.stderr == "mailmigrate: bad.json: profile x: column 'A': 'no_such_field' is not a canonical field\n")
    }

    /// A hand-written mapping file with a mistake: the error says where (line and column, or the JSON path).
    @Test func aBrokenMappingFileIsNamedByPlace() throws {
        let dir = TemporaryDirectory()
        let data = Self.profiles + "/mapping-example.data.csv"
        func failure(_ json: String) throws -> String {
            dir.file("m.json", json)
            let run = try MM.run(["run", data, "--mapping", "m.json"], in: dir.path)
            #expect(run.status == 1 && run.stdout.isEmpty)
            return run.stderr
        }
        #expect(try failure("{\"name\": \"x\",\n \"columns\": [ {header: \"A\", \"fields\": [\"email\"]} ]}\n")
            == "mailmigrate: m.json: line 2, column 16: not valid JSON (Invalid value)\n")
        #expect(try failure("{\"name\": \"x\",\n \"columns\": [ {\"header\": \"A\", \"fields\": [\"email\"]}\n")
            == "mailmigrate: m.json: line 3, column 1: not valid JSON (the file ends inside it)\n")
        #expect(try failure(#"{"name": "x", "columns": [{"header": "A", "fields": ["email"]}, {"header": "B", "fields": "email"}]}"#)
            == "mailmigrate: m.json: columns[1].fields: Expected to decode Array<Any> but found a string instead.\n")
        #expect(try failure(#"{"name": "x", "columns": [{"fields": ["email"]}]}"#) == "mailmigrate: m.json: columns[0]: missing \"header\"\n")
        #expect(try failure("\n") == "mailmigrate: m.json: empty file: expected JSON\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/mailmigrate.sqlite"))
    }

    @Test func profilesCommandListsEveryProfile() throws {
        let dir = TemporaryDirectory()
        let text = try MM.run(["profiles"], in: dir.path).stdout
        for name in ["xentral", "openxe", "celanio", "crm", "mat", "m365", "imapsync"] { #expect(text.contains("\n\(name): ") || text.hasPrefix("\(name): ")) }
        let json = try MM.run(["profiles", "--json"], in: dir.path).stdout
        let profiles = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(profiles.count == 7)
    }
}
