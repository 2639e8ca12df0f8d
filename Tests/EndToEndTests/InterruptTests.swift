import TestSupport
import Foundation
import Testing

/// Ctrl-C in the middle of a run leaves the database as it was.
@Suite struct InterruptTests {
    typealias MM = MailMigrateBinary

    @Test func interruptedRunChangesNothing() throws {
        let dir = TemporaryDirectory()
        try MM.run(["run", MM.samples, "--quiet"], in: dir.path)
        let before = try MM.run(["export", "--to", "jsonl", "--include-secrets"], in: dir.path).stdout

        // A run reading standard input that never ends: interrupted midway, for sure.
        let process = Process()
        process.executableURL = MM.url
        process.arguments = ["run", "-", "--db", "mailmigrate.sqlite"]
        process.currentDirectoryURL = URL(fileURLWithPath: dir.path)
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var rows = "email,incoming_host,incoming_port\n"
        for n in 0..<5000 { rows += "neu\(n)@x.de,imap.x.de,993\n" }
        input.fileHandleForWriting.write(Data(rows.utf8))
        Thread.sleep(forTimeInterval: 1.0)  // the 5000 rows are stored inside the open transaction
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130)
        #expect(stderr.hasSuffix("mailmigrate: interrupted; the database was not changed\n"))
        let after = try MM.run(["export", "--to", "jsonl", "--include-secrets"], in: dir.path).stdout
        #expect(after == before)
        let next = try MM.run(["run", MM.samples, "--json"], in: dir.path)
        #expect(next.stdout.contains("\"run\":2"))
    }
}
