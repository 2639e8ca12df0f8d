import Foundation
import TestSupport
import Testing

/// An export's warnings: the first 20 on standard error, and a true word on
/// where the rest are, so that a conversion of thousands of accounts can be
/// checked account by account.
@Suite struct ExportWarningsTests {
    typealias MM = MailMigrateBinary

    /// 25 accounts in a store; `protocolName` goes into every one.
    func store(protocolName: String) throws -> TemporaryDirectory {
        let dir = TemporaryDirectory()
        let rows = (1...25).map { "k\($0)@vogel.de,Konto \($0),\(protocolName),mail.vogel.de,k\($0),Pw-\($0)" }
        dir.file("a.csv", (["email,display_name,incoming_protocol,incoming_host,incoming_user,incoming_password"] + rows)
            .joined(separator: "\n") + "\n")
        try MM.run(["run", "--quiet", "a.csv"], in: dir.path)
        return dir
    }

    func m365Warning(_ n: Int) -> String {
        "k\(n)@vogel.de (a.csv:\(n + 1)): the m365 layout has no column for: display_name, incoming_protocol, incoming_host"
    }

    /// CSV has no comments: without --warnings the count says how to get the rest.
    @Test func csvSaysHowToListTheRest() throws {
        let dir = try store(protocolName: "imap")
        let export = try MM.run(["export", "--to", "csv", "--profile", "m365", "--include-secrets", "-o", "m.csv"], in: dir.path)
        #expect(export.status == 0)
        #expect(export.stderr.split(separator: "\n").map(String.init)
            == (1...20).map { "mailmigrate: warning: " + m365Warning($0) }
            + ["mailmigrate: warning: … and 5 more (--warnings FILE lists every one)"])
    }

    @Test func warningsFileListsEveryOne() throws {
        let dir = try store(protocolName: "imap")
        let export = try MM.run(
            ["export", "--to", "csv", "--profile", "m365", "--include-secrets", "-o", "m.csv", "--warnings", "list.txt"], in: dir.path)
        #expect(export.status == 0)
        #expect(export.stderr.split(separator: "\n").last == "mailmigrate: warning: … and 5 more (all 25 are in list.txt)")
        #expect(dir.read("list.txt") == (1...25).map { m365Warning($0) + "\n" }.joined())
        // The list holds no password, and is an ordinary file.
        #expect(dir.read("list.txt")?.contains("Pw-") == false)
        let mode = try FileManager.default.attributesOfItem(atPath: dir.path + "/list.txt")[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    /// A list file that cannot be written fails the export, which leaves no output.
    @Test func unwritableWarningsFileFailsTheExport() throws {
        let dir = try store(protocolName: "imap")
        let export = try MM.run(
            ["export", "--to", "csv", "--profile", "m365", "--include-secrets", "-o", "m.csv", "--warnings", "nowhere/list.txt"],
            in: dir.path)
        #expect(export.status == 1)
        #expect(export.stderr == "mailmigrate: nowhere/list.txt: cannot write: No such file or directory\n")
        #expect(dir.read("m.csv") == nil)
        let dash = try MM.run(["export", "--to", "csv", "--warnings", "-"], in: dir.path)
        #expect(dash.status == 2)
        #expect(dash.stderr.hasPrefix("Error: --warnings needs a file (standard error shows the first 20 warnings)"))
        let same = try MM.run(["export", "--to", "csv", "-o", "m.csv", "--warnings", "./m.csv"], in: dir.path)
        #expect(same.status == 2)
        #expect(same.stderr.hasPrefix("Error: --warnings and -o name the same file, m.csv"))
        #expect(dir.read("m.csv") == nil)
    }

    /// OpenXE SQL names every warning in a comment above its statement, and says so.
    @Test func openXESQLPointsToItsComments() throws {
        let dir = try store(protocolName: "pop3")
        let export = try MM.run(["export", "--to", "openxe-sql", "-o", "x.sql"], in: dir.path)
        #expect(export.status == 0)
        let lines = export.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 21)
        #expect(lines.first == "mailmigrate: warning: k1@vogel.de (a.csv:2): OpenXE has no column for: incoming_protocol")
        #expect(lines.last == "mailmigrate: warning: … and 5 more (the output names each in a comment)")
        let sql = try #require(dir.read("x.sql"))
        for n in 1...25 { #expect(sql.contains("-- k\(n)@vogel.de (a.csv:\(n + 1)): OpenXE has no column for: incoming_protocol\n")) }
    }
}
