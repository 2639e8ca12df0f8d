import TestSupport
import Foundation
import Testing

/// The README's promises, checked against the built binary.
@Suite struct RunAndExportTests {
    typealias MM = MailMigrateBinary

    func summary(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func mainCommandTwiceKeepsTheAccountsAndAddsARun() throws {
        let dir = TemporaryDirectory()
        let first = try MM.run(["run", MM.samples], in: dir.path)
        #expect(first.status == 0)
        #expect(first.stdout == "")
        #expect(first.stderr.contains("records read       24\n"))
        #expect(first.stderr.contains("accounts imported  24 (24 new, 0 updated, 0 unchanged)\n"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/mailmigrate.sqlite"))

        let second = try MM.run(["run", MM.samples, "--json"], in: dir.path)
        #expect(second.status == 0)
        let s = try summary(second.stdout)
        #expect(s["run"] as? Int == 2)
        #expect(s["records_read"] as? Int == 24)
        #expect(s["accounts_unchanged"] as? Int == 24)
        #expect(s["accounts_new"] as? Int == 0)
        #expect(s["rejected"] as? Int == 0)
        let export = try MM.run(["export", "--to", "jsonl"], in: dir.path)
        #expect(export.stdout.split(separator: "\n").count == 24)
    }

    /// A first run on an empty store finds its duplicates at the end: they
    /// are rejects in input order, and the summary counts only the findings
    /// the store keeps (the duplicates' went with them).
    @Test func theSameFileTwiceInAFirstRunImportsItOnceAndCountsItsFindingsOnce() throws {
        let dir = TemporaryDirectory()
        let csv = try String(contentsOfFile: MM.samples + "/accounts.csv", encoding: .utf8)
        _ = dir.file("a1.csv", csv)
        _ = dir.file("a2.csv", csv)
        let once = try MM.run(["run", "a1.csv", "--db", "once.sqlite", "--json"], in: dir.path)
        let twice = try MM.run(["run", "a1.csv", "a2.csv", "--db", "twice.sqlite", "--json"], in: dir.path)
        #expect(once.status == 0)
        #expect(twice.status == 3)
        let s = try summary(twice.stdout)
        #expect(s["accounts_new"] as? Int == 24)
        #expect(s["rejected"] as? Int == 24)
        #expect(s["findings"] as? [String: Int] == ["error": 9, "warning": 9, "info": 0])
        #expect(try summary(once.stdout)["findings"] as? [String: Int] == ["error": 9, "warning": 9, "info": 0])
        let rejects = try #require(s["rejects"] as? [[String: String]])
        #expect(rejects.map { $0["source"] } == (2...25).map { "a2.csv:\($0)" })
    }

    @Test func databaseFileHasMode0600() throws {
        let dir = TemporaryDirectory()
        try MM.run(["run", MM.samples, "--db", "store.sqlite", "--quiet"], in: dir.path)
        let mode = try FileManager.default.attributesOfItem(atPath: dir.path + "/store.sqlite")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func csvRoundTripGivesIdenticalFiles() throws {
        let dir = TemporaryDirectory()
        try MM.run(["run", MM.samples, "--db", "a.sqlite", "--quiet"], in: dir.path)
        #expect(try MM.run(["export", "--db", "a.sqlite", "--to", "csv", "--include-secrets", "-o", "one.csv"], in: dir.path).status == 0)
        #expect(try MM.run(["run", "one.csv", "--db", "b.sqlite", "--quiet"], in: dir.path).status == 0)
        #expect(try MM.run(["export", "--db", "b.sqlite", "--to", "csv", "--include-secrets", "-o", "two.csv"], in: dir.path).status == 0)
        let one = try #require(dir.read("one.csv"))
        #expect(one.split(separator: "\n").count == 25)
        #expect(one == dir.read("two.csv"))
        let mode = try FileManager.default.attributesOfItem(atPath: dir.path + "/one.csv")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func brokenRecordsAreRejectedWithLineAndReasonAndTheRestImported() throws {
        let dir = TemporaryDirectory()
        _ = dir.file("mixed.csv", """
            email,incoming_host,incoming_port,incoming_security
            a@x.de,imap.x.de,993,tls
            b@x.de,imap.x.de,993
            c@x.de,imap.x.de,neunhundert,tls
            d@x.de,"imap.x.de,993,tls
            e@x.de,imap.x.de,143,starttls

            """)
        let result = try MM.run(["run", "mixed.csv"], in: dir.path)
        #expect(result.status == 3)
        #expect(result.stderr.contains("accounts imported  2 (2 new, 0 updated, 0 unchanged)\n"))
        #expect(result.stderr.contains("""
            rejected records:
              mixed.csv:3: expected 4 fields as in the header, found 3
              mixed.csv:4: incoming_port: expected a whole number, got 'neunhundert'
              mixed.csv:5: unterminated quoted field in column 2

            """))
        let quiet = try MM.run(["run", "mixed.csv", "--db", "q.sqlite", "--quiet"], in: dir.path)
        #expect(quiet.status == 3)
        #expect(quiet.stderr.hasPrefix("rejected records:\n  mixed.csv:3:"))
    }

    /// A reject's reason or a failure that quotes the file's bytes shows their
    /// control characters escaped: an escape sequence in a file must not drive
    /// the terminal.
    @Test func rejectsAndFailuresShowControlCharactersEscaped() throws {
        let dir = TemporaryDirectory()
        dir.file("ctl.csv", "email,incoming_host,incoming_port\na@x.de,imap.x.de,99\u{1B}[2J3\n\"b@x.de\"\u{1},imap.x.de,993\n")
        let result = try MM.run(["run", "ctl.csv", "--quiet"], in: dir.path)
        #expect(result.status == 3)
        #expect(result.stderr == """
            rejected records:
              ctl.csv:2: incoming_port: expected a whole number, got '99\\u{1B}[2J3'
              ctl.csv:3: unexpected character '\\u{1}' after the closing quote in column 1

            """)
        // A failure that quotes the file (a header of no known layout) shows them escaped too.
        dir.file("header.csv", "Foo\u{1B}[31m;Bar\n1;2\n")
        let failed = try MM.run(["run", "header.csv", "--db", "h.sqlite"], in: dir.path)
        #expect(failed.status == 1)
        #expect(failed.stderr == "mailmigrate: header.csv:1: the header matches no profile; unknown columns: Foo\\u{1B}[31m, Bar "
            + "(mailmigrate profiles lists the known ones) (the database was not changed)\n")
        // And so does the cron log, one line per event.
        _ = try MM.run(["run", "header.csv", "--db", "h.sqlite", "--log", "run.log"], in: dir.path)
        let log = try #require(dir.read("run.log")).split(separator: "\n")
        #expect(log.count == 2)
        #expect(log.last?.hasSuffix("error mailmigrate: run failed; the database was not changed: header.csv:1: the header "
            + "matches no profile; unknown columns: Foo\\u{1B}[31m, Bar (mailmigrate profiles lists the known ones)") == true)
        // The database keeps the reason as it was.
        let json = try MM.run(["run", "ctl.csv", "--db", "j.sqlite", "--json"], in: dir.path)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rejects = try #require(summary["rejects"] as? [[String: String]])
        #expect(rejects.map { $0["reason"] } == [
            "incoming_port: expected a whole number, got '99\u{1B}[2J3'",
            "unexpected character '\u{1}' after the closing quote in column 1",
        ])
    }

    @Test func gzipInputWorksLikePlainAndDetectsByContent() throws {
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/plain", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.path + "/zipped", withIntermediateDirectories: true)
        let sample = MM.samples + "/accounts.csv"
        #expect(try dir.shell("cp '\(sample)' plain/a.csv && gzip -c '\(sample)' > zipped/a.csv") == 0)
        try MM.run(["run", "a.csv", "--quiet", "--db", "../p.sqlite"], in: dir.path + "/plain")
        let z = try MM.run(["run", "a.csv", "--quiet", "--db", "../z.sqlite"], in: dir.path + "/zipped")
        #expect(z.status == 0)
        let p = try MM.run(["export", "--db", "p.sqlite", "--to", "jsonl", "--include-secrets"], in: dir.path)
        let zz = try MM.run(["export", "--db", "z.sqlite", "--to", "jsonl", "--include-secrets"], in: dir.path)
        #expect(p.stdout.count > 1000)
        #expect(p.stdout == zz.stdout)
    }

    @Test func truncatedGzipFailsClearlyAndChangesNothing() throws {
        let dir = TemporaryDirectory()
        #expect(try dir.shell("gzip -c '\(MM.samples)/accounts.csv' | head -c 900 > cut.csv.gz") == 0)
        try MM.run(["run", MM.samples, "--quiet"], in: dir.path)
        let result = try MM.run(["run", "cut.csv.gz"], in: dir.path)
        #expect(result.status == 1)
        #expect(result.stderr == """
            mailmigrate: cut.csv.gz: gzip stream truncated at compressed byte offset 900 \
            (the file ends before the gzip trailer) (the database was not changed)

            """)
        let after = try MM.run(["run", MM.samples, "--json"], in: dir.path)
        #expect(try summary(after.stdout)["run"] as? Int == 2)  // the failed run left no trace
    }

    /// A stored row changed by hand so that it no longer reads as an
    /// account: export and validate stop with the row's id and address, and
    /// leave no half-written file.
    @Test func aRowChangedByHandIsNamedByItsIDAndAddress() throws {
        let dir = TemporaryDirectory()
        #expect(try MM.run(["run", MM.samples], in: dir.path).status == 0)
        #expect(try dir.shell("sqlite3 mailmigrate.sqlite \"UPDATE accounts SET incoming_port = 'abc' WHERE id = 3\"") == 0)
        let email = "buchhaltung@schaefer-moebel.de"
        #expect(try dir.shell("sqlite3 mailmigrate.sqlite 'SELECT email FROM accounts WHERE id = 3' | grep -qx '\(email)'") == 0)
        let message = "mailmigrate: mailmigrate.sqlite: database error: the stored account in row id=3 (\(email)) "
            + "does not read back: incoming_port: expected a whole number, got 'abc'\n"
        let export = try MM.run(["export", "--to", "csv", "-o", "out.csv"], in: dir.path)
        #expect(export.status == 1)
        #expect(export.stderr == message)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out.csv"))
        let validate = try MM.run(["validate"], in: dir.path)
        #expect(validate.status == 1 && validate.stderr == message)
    }

    @Test func compressedExportIsGzipWithTheSameContent() throws {
        let dir = TemporaryDirectory()
        try MM.run(["run", MM.samples, "--quiet"], in: dir.path)
        #expect(try MM.run(["export", "--to", "jsonl", "-o", "all.jsonl.gz", "--level", "9"], in: dir.path).status == 0)
        #expect(try MM.run(["export", "--to", "jsonl", "-o", "all.jsonl"], in: dir.path).status == 0)
        #expect(try dir.shell("gzip -t all.jsonl.gz && gzip -dc all.jsonl.gz | cmp - all.jsonl") == 0)
    }

    @Test func usageErrorsExitWith2() throws {
        let dir = TemporaryDirectory()
        for arguments in [["run"], ["export"], ["export", "--to", "pdf"], ["export", "--to", "csv", "--level", "0"], ["frobnicate"]] {
            let result = try MM.run(arguments, in: dir.path)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("Usage:") || result.stderr.contains("Error:"), "\(arguments)")
        }
        let missing = try MM.run(["run", "nothing.csv"], in: dir.path)
        #expect(missing.status == 1)
        #expect(missing.stderr == "mailmigrate: nothing.csv: cannot open: no such file or directory\n")
        let noDB = try MM.run(["export", "--to", "csv"], in: dir.path)
        #expect(noDB.status == 1)
        #expect(noDB.stderr == "mailmigrate: mailmigrate.sqlite: database error: no such database (run `mailmigrate run` first)\n")
    }

    @Test func standardInputIsASource() throws {
        let dir = TemporaryDirectory()
        let csv = "email,incoming_host\nstdin@x.de,imap.x.de\n"
        let result = try MM.run(["run", "-", "--json"], in: dir.path, stdin: Data(csv.utf8))
        #expect(result.status == 0)
        #expect(try summary(result.stdout)["accounts_new"] as? Int == 1)
        let export = try MM.run(["export", "--to", "csv"], in: dir.path)
        #expect(export.stdout.contains("\nstdin@x.de,,,-:2,,imap.x.de,"))
    }
}
