import Foundation
import TestSupport
import Testing

/// `run` as cron runs it: exports kept N deep, a log, a lock against overlapping runs.
@Suite struct CronTests {
    typealias MM = MailMigrateBinary

    @Test func exportsAreTimestampedAndTheNewestNKept() throws {
        let dir = TemporaryDirectory()
        for _ in 0..<3 {
            let run = try MM.run(["run", MM.samples, "--export", "out", "--to", "jsonl", "--to", "csv", "--keep", "2", "--quiet", "--log", "run.log"], in: dir.path)
            #expect(run.status == 0 && run.stdout == "" && run.stderr == "")
            Thread.sleep(forTimeInterval: 1.1)  // the names are per second
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/out").sorted()
        #expect(files.count == 4)
        #expect(files.filter { $0.hasPrefix("jsonl-") && $0.hasSuffix(".jsonl") }.count == 2)
        #expect(files.filter { $0.hasPrefix("csv-") && $0.hasSuffix(".csv") }.count == 2)
        let newest = try #require(files.last { $0.hasPrefix("jsonl-") })
        #expect(dir.read("out/" + newest)?.split(separator: "\n").count == 24)
        let log = try #require(dir.read("run.log"))
        #expect(log.components(separatedBy: "info mailmigrate: run started").count - 1 == 3)
        #expect(log.contains("info mailmigrate: run finished new=0 records_read=24 rejected=0 run=3 skipped=0 unchanged=24 updated=0"))
        #expect(!log.contains("Sommer2024!Mm"))
        for name in files { #expect(!(dir.read("out/" + name) ?? "").contains("Sommer2024!Mm"), "\(name) holds a password") }
    }

    /// An export directory that cannot be made: the error names it and the
    /// system's reason, and says that the run was stored all the same.
    @Test func anExportDirectoryThatCannotBeMade() throws {
        let dir = TemporaryDirectory()
        dir.file("afile", "x")
        let file = try MM.run(["run", MM.samples, "--export", "afile", "--to", "csv", "--quiet"], in: dir.path)
        #expect(file.status == 1 && file.stderr == "mailmigrate: afile: cannot write: it is a file, not a directory (the run itself was stored)\n")
        let below = try MM.run(["run", MM.samples, "--export", "afile/out", "--to", "csv", "--quiet"], in: dir.path)
        #expect(below.status == 1 && below.stderr == "mailmigrate: afile/out: cannot write: the directory cannot be created (Not a directory) (the run itself was stored)\n")
        #expect(try dir.shell("sqlite3 mailmigrate.sqlite 'SELECT COUNT(*) FROM runs' > runs.txt") == 0)
        #expect(dir.read("runs.txt") == "2\n")
    }

    @Test func aHeldLockStopsARunAtOnce() throws {
        let dir = TemporaryDirectory()
        // util-linux flock(1) takes the same flock(2) lock, here for as long
        // as `cat` reads its input.
        let holder = try PipedProcess("/usr/bin/flock", ["mailmigrate.sqlite.lock", "cat"], in: dir.path)
        defer { holder.finish() }
        Thread.sleep(forTimeInterval: 0.5)
        let run = try MM.run(["run", MM.samples], in: dir.path)
        #expect(run.status == 6)
        #expect(run.stderr == "mailmigrate: another run holds mailmigrate.sqlite.lock; this run did not start\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/mailmigrate.sqlite"))
    }

    /// The sqlite3 tool holding the database in an exclusive transaction
    /// (rollback journal, as a run writes) until its input is closed;
    /// under `flock` when `runLock` (the lock file then names pid 4711).
    func holdDatabase(in dir: TemporaryDirectory, runLock: Bool) throws -> PipedProcess {
        let holder: PipedProcess
        if runLock {
            dir.file("mailmigrate.sqlite.lock", "4711\n")
            holder = try PipedProcess("/usr/bin/flock", ["mailmigrate.sqlite.lock", "sqlite3", "mailmigrate.sqlite"], in: dir.path)
        } else {
            holder = try PipedProcess("/usr/bin/sqlite3", ["mailmigrate.sqlite"], in: dir.path)
        }
        holder.write("PRAGMA journal_mode=DELETE;\nBEGIN EXCLUSIVE;\nSELECT 1;\n")
        Thread.sleep(forTimeInterval: 1)
        return holder
    }

    /// A command that finds the database locked by a run's write waits
    /// SQLite's 5 s, then names the run and exits with 6; without a run
    /// lock it names no run.
    @Test func aDatabaseLockedByARunIsNamed() throws {
        let dir = TemporaryDirectory()
        #expect(try MM.run(["run", MM.samples, "--quiet"], in: dir.path).status == 0)
        var holder = try holdDatabase(in: dir, runLock: true)
        let validate = try MM.run(["validate"], in: dir.path)
        holder.finish()
        #expect(validate.status == 6 && validate.stdout.isEmpty)
        #expect(validate.stderr == "mailmigrate: mailmigrate.sqlite: database error: database is locked: a run (pid 4711) is writing it and holds it until it commits; try again when it ends\n")
        holder = try holdDatabase(in: dir, runLock: false)
        let export = try MM.run(["export", "--to", "csv"], in: dir.path)
        holder.finish()
        #expect(export.status == 6 && export.stdout.isEmpty)
        #expect(export.stderr == "mailmigrate: mailmigrate.sqlite: database error: database is locked: another process is writing it; try again when it ends\n")
        // Once it is free, both work.
        #expect(try MM.run(["export", "--to", "csv"], in: dir.path).status == 0)
    }

    /// Two runs started together: one runs, the other exits with 6; the database is whole.
    @Test func concurrentRunsOnOneDatabase() throws {
        let dir = TemporaryDirectory()
        let generator = MM.packageRoot.appendingPathComponent("scripts/bench.d/make_canonical_csv.py").path
        #expect(try dir.shell("python3 '\(generator)' 5000 big.csv") == 0)
        let a = try PipedProcess(MM.url.path, ["run", "big.csv", "--quiet"], in: dir.path)
        let b = try PipedProcess(MM.url.path, ["run", "big.csv", "--quiet"], in: dir.path)
        a.finish()
        b.finish()
        #expect([a.process.terminationStatus, b.process.terminationStatus].sorted() == [0, 6])
        #expect(try dir.shell("sqlite3 mailmigrate.sqlite 'PRAGMA integrity_check; SELECT COUNT(*) FROM accounts; SELECT COUNT(*) FROM runs' > check.txt") == 0)
        #expect(dir.read("check.txt") == "ok\n5000\n1\n")
    }
}
