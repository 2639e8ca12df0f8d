import ArgumentParser
import ConnectTest
import Exporters
import Foundation
import Logging
import Importers
import MailModel
import Validation

/// `mailmigrate run`: import sources into the SQLite store.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Import account settings into the SQLite store.",
        discussion: """
            Each SOURCE is a file, a directory (every supported file in it) or - for standard \
            input: CSV (.csv; canonical or a system's layout, chosen from the header or by \
            --profile/--mapping; see mailmigrate profiles), OpenXE/Xentral dumps (.sql: every \
            emailbackup row and the default account of firmendaten), saved OpenXE pages and \
            mysql --html output (.html), account XML or mysqldump --xml (.xml). Rows deleted in \
            OpenXE (geloescht = 1) are counted as skipped unless --include-deleted is given. Any \
            of them may be gzip (recognised from the bytes). Accounts are upserted by address, \
            server and login: running the same input twice adds a run and changes no account. A \
            run is one transaction; a lock beside the database (DB.lock) stops an overlapping run \
            at once (exit 6).

            Every account is checked by the per-account rules as it is imported (see \
            `mailmigrate rules`; --rules to configure, --no-validate to skip) and the findings \
            are stored with the run (table findings). The batch rules (duplicate-account, \
            duplicate-sender) look across all accounts, which a run splits between threads, so \
            they run in `mailmigrate validate`, which also prints findings.

            A summary goes to standard error: records read, accounts imported \
            (new/updated/unchanged), rejected records with file:line and reason, findings by \
            severity, time. --probe connect-tests the run's accounts afterwards (exit 5 when an \
            endpoint fails); --export DIR --to FORMAT writes timestamped exports and keeps the \
            newest --keep N; --log FILE appends what the run did.
            """)

    @Argument(help: "Files, directories or - (standard input) to import.")
    var sources: [String]

    @Option(name: .long, help: "The SQLite database to write (created with mode 0600 if missing).")
    var db: String = "mailmigrate.sqlite"

    @Flag(name: .long, help: "Print nothing but errors and rejected records.")
    var quiet = false

    @Flag(name: .long, help: "Print the summary as JSON on standard output.")
    var json = false

    @Flag(name: .long, help: "Do not validate the accounts (no findings are stored).")
    var noValidate = false

    @Option(name: .long, help: "A JSON file that turns validation rules off or changes their severity.")
    var rules: String?

    @Flag(name: .long, help: "Store text decoded once too often (MÃ¼ller) as it was meant (Müller), in the fields double-encoded-text checks; each repair is stored as an info finding of that rule.")
    var repairDoubleEncoding = false

    @OptionGroup var readOptions: ReadOptionsGroup

    @OptionGroup var providerOption: ProvidersOption

    @Flag(name: .long, help: "Connect-test the run's accounts afterwards and store the results (table probe_results); see mailmigrate probe.")
    var probe = false

    @OptionGroup var probeOptions: ProbeOptionsGroup

    @Option(name: .long, help: "After the run, write exports into this folder, named FORMAT-YYYYMMDD-HHMMSS.EXT (see --to, --keep).")
    var export: String?

    @Option(name: .customLong("to"), help: "With --export: a format to write (csv, jsonl, xml, openxe-sql); repeat for several.")
    var exportFormats: [ExportCommand.Format] = []

    @Option(name: .long, help: "With --export: keep the newest N exports of each format, delete older ones.")
    var keep: Int = 7

    @Flag(name: .long, help: "With --export: gzip the exports (.gz).")
    var gzip = false

    @Option(name: .long, help: "Append what the run did to this log file (swift-log; never passwords).")
    var log: String?

    func validate() throws {
        if export != nil && exportFormats.isEmpty { throw ValidationError("--export needs at least one --to FORMAT") }
        if export == nil && !exportFormats.isEmpty { throw ValidationError("--to goes with --export DIR") }
        let allowed: Set<ExportCommand.Format> = [.csv, .jsonl, .xml, .openXESQL]
        if let bad = exportFormats.first(where: { !allowed.contains($0) }) {
            throw ValidationError("run --export writes csv, jsonl, xml or openxe-sql, not \(bad.rawValue) (use mailmigrate export)")
        }
        guard keep >= 1 else { throw ValidationError("--keep must be at least 1") }
        if repairDoubleEncoding && noValidate {
            throw ValidationError("--repair-double-encoding stores each repair as a finding; it does not go with --no-validate")
        }
    }

    func run() async throws {
        let started = Date()
        var holder = ""
        guard let lock = RunLock(database: db, holder: &holder) else {
            FileHandleStream.standardError.write("mailmigrate: \(holder); this run did not start\n")
            throw ExitStatus.locked.code
        }
        defer { withExtendedLifetime(lock) {} }
        let logger = try RunLog.logger(path: log)
        logger.info("run started", metadata: ["database": "\(db)", "sources": "\(sources.joined(separator: " "))"])
        InterruptSignal.install()
        let sourceList: SourceList
        let store: AccountStore
        var ruleConfiguration: RuleConfiguration? = noValidate ? nil : RuleConfiguration()
        let providers: ProviderIndex?
        let options: ReadOptions
        do {
            options = try readOptions.options(announce: !quiet && !json)
            providers = noValidate ? nil : try providerOption.load()
            if let rules, !noValidate { ruleConfiguration = try RulesFile.load(rules) }
            sourceList = try SourceList(arguments: sources)
            store = try AccountStore(path: db)
        } catch {
            throw Failure(error)
        }

        let pipeline = ImportPipeline(
            sources: sourceList, options: options, store: store, progress: ProgressLine(enabled: !quiet && !json),
            rules: ruleConfiguration, providers: providers, repairDoubleEncoding: repairDoubleEncoding)
        let summary: RunSummary
        do {
            _ = try store.beginRun(sources: sourceList.entries.map(\.path))
            try pipeline.run()
            let lateRejects: [(source: String, reason: String)]
            (summary, lateRejects) = try store.finishRun()
            pipeline.keep(lateRejects)
        } catch is ImportPipeline.Interrupted {
            store.abandonRun()
            logger.error("run interrupted; the database was not changed")
            FileHandleStream.standardError.write("mailmigrate: interrupted; the database was not changed\n")
            throw ExitStatus.interrupted.code
        } catch {
            store.abandonRun()
            logger.error("run failed; the database was not changed: \(error)")
            throw Failure(error, note: "the database was not changed")
        }
        logger.info(
            "run finished",
            metadata: [
                "run": "\(summary.runID)", "records_read": "\(summary.recordsRead)", "new": "\(summary.accountsNew)",
                "updated": "\(summary.accountsUpdated)", "unchanged": "\(summary.accountsUnchanged)",
                "rejected": "\(summary.rejected)", "skipped": "\(summary.skipped)",
            ])

        let seconds = Date().timeIntervalSince(started)
        var findings = pipeline.findingCounts
        for (severity, count) in store.findingsWithdrawn {
            if let severity = Severity(rawValue: severity) { findings[severity, default: 0] -= count }
        }
        let report = RunReport(
            summary: summary, database: db, seconds: seconds, rejects: pipeline.rejects,
            rejectsKept: pipeline.rejectsKept, skipped: sourceList.skipped,
            findings: noValidate ? nil : findings)
        if json {
            FileHandleStream.standardOutput.write(report.json())
        }
        if !quiet || summary.rejected > 0 {
            FileHandleStream.standardError.write(report.text(brief: quiet || json))
        }
        var probeFailures = 0
        if probe {
            probeFailures = try await probeAccounts(of: store, run: summary.runID)
            logger.info("connect tests done", metadata: ["failed": "\(probeFailures)"])
        }
        if let export {
            let written = try writeExports(store: store, into: export, at: started)
            for path in written { logger.info("export written", metadata: ["file": "\(path)"]) }
        }
        if probeFailures > 0 { throw ExitStatus.probeFailures.code }
        if summary.rejected > 0 { throw ExitStatus.rejected.code }
    }

    /// The timestamped exports of `--export`, and the pruning of `--keep`.
    private func writeExports(store: AccountStore, into directory: String, at time: Date) throws -> [String] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stamp = formatter.string(from: time)
        var written: [String] = []
        do {
            // Only openxe-sql of run's formats warns, and it names each warning in a comment.
            let warnings = try ExportWarnings(quiet: quiet, outputNamesEach: true)
            try ExportDirectory.create(directory)
            for format in exportFormats {
                let ext = format == .openXESQL ? "sql" : format.rawValue
                let name = "\(format.rawValue)-\(stamp).\(ext)" + (gzip ? ".gz" : "")
                let path = (directory as NSString).appendingPathComponent(name)
                try ExportCommand.write(format, from: store, path: path, includeSecrets: false, level: 6, warnings: warnings)
                written.append(path)
                // Keep the newest N of this format; the names sort by time.
                let mine = try ExportDirectory.names(in: directory)
                    .filter { $0.hasPrefix("\(format.rawValue)-") && ($0.hasSuffix(".\(ext)") || $0.hasSuffix(".\(ext).gz")) }
                    .sorted()
                for old in mine.dropLast(keep) {
                    try ExportDirectory.remove((directory as NSString).appendingPathComponent(old))
                }
            }
            try warnings.finish()
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(error, note: "the run itself was stored")
        }
        if !quiet && !json {
            FileHandleStream.standardError.write(written.map { "  export             \($0)\n" }.joined())
        }
        return written
    }

    /// Tests the run's accounts against their servers and stores the results with the run.
    private func probeAccounts(of store: AccountStore, run: Int64) async throws -> Int {
        var accounts: [(email: String, source: String, id: Int64?, account: MailAccount)] = []
        do {
            try store.forEachAccountWithID(seenInRun: run) { id, account in
                accounts.append((account.identity.email, account.identity.origin, id, account))
            }
            let probed = try await ProbeSession.run(accounts, options: probeOptions.options)
            try store.storeProbeResults(runID: run, ProbeSession.records(probed))
            let failures = ProbeSession.failures(probed)
            if !quiet && !json {
                FileHandleStream.standardError.write(
                    "  connect tests      \(ProbeSession.records(probed).count) endpoints, \(failures) failed (table probe_results; mailmigrate probe --db \(db))\n")
            }
            return failures
        } catch {
            throw Failure(error)
        }
    }
}
