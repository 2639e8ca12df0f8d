import Foundation
import Testing
import TestSupport

#if os(Linux)
/// The threads that feed the store run five nice levels below the rest of
/// the process, whatever level the process was started at.
@Suite struct FeederPriorityTests {
    typealias MM = MailMigrateBinary

    /// The nice value of each thread of process `pid` (`/proc/PID/task/TID/stat`, field 19).
    func niceValues(of pid: Int32) -> [Int: Int] {
        let tasks = "/proc/\(pid)/task"
        var values: [Int: Int] = [:]
        for tid in (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? [] {
            guard let stat = try? String(contentsOfFile: "\(tasks)/\(tid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // After the command name: field 3 (state) onwards; nice is field 19.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 16, let nice = Int(fields[16]), let id = Int(tid) { values[id] = nice }
        }
        return values
    }

    @Test(arguments: [0, 7])
    func readerAndNormalisersRunFiveLevelsBelowTheStore(startedAt base: Int) throws {
        let dir = TemporaryDirectory()
        // A run reading standard input, held open while its threads are looked at.
        let run = try PipedProcess("/usr/bin/nice", ["-n", "\(base)", MM.url.path, "run", "-", "--db", "s.sqlite", "--quiet"], in: dir.path)
        let process = run.process
        run.write("email,incoming_host\na@x.de,imap.x.de\n")
        var values: [Int: Int] = [:]
        for _ in 0..<200 {  // up to 10 s for the threads to start
            values = niceValues(of: process.processIdentifier)
            if values.values.filter({ $0 == base + 5 }).count == 3 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        run.finish()

        #expect(process.terminationStatus == 0)
        #expect(values[Int(process.processIdentifier)] == base)  // the main thread
        // The reader and two normalisers; every other thread (the store's among them) as started.
        #expect(values.values.filter { $0 == base + 5 }.count == 3)
        #expect(values.values.filter { $0 == base }.count == values.count - 3)
    }
}
#endif
