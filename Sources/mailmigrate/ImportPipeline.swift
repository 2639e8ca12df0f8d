import Exporters
import Foundation
import Importers
import MailModel
import Validation

/// Reads every source and stores what it reads, on three threads: one reads
/// and parses records into accounts, one normalises them into `AccountRow`s,
/// and the calling thread writes them to SQLite. Bounded queues between the
/// stages keep the number of records in flight fixed.
final class ImportPipeline {
    /// What `run` found wrong with single records, up to a limit, for the summary.
    private(set) var rejects: [(source: String, reason: String)] = []
    let rejectsKept = 1000

    private let sources: SourceList
    private let options: ReadOptions
    private let store: AccountStore
    private let progress: ProgressLine
    /// Nil: no validation (`run --no-validate`).
    private let rules: RuleConfiguration?
    private let providers: ProviderIndex?
    /// Findings stored, by severity.
    private(set) var findingCounts: [Severity: Int] = [:]

    init(
        sources: SourceList, options: ReadOptions, store: AccountStore, progress: ProgressLine,
        rules: RuleConfiguration?, providers: ProviderIndex? = nil
    ) {
        self.providers = providers
        self.sources = sources
        self.options = options
        self.store = store
        self.progress = progress
        self.rules = rules
    }

    enum Batch: Sendable {
        case items([ImportItemRow])
        case failed(InputError)
        case end
    }

    /// An account already turned into its row, with what validation found,
    /// or a reject.
    enum ImportItemRow: Sendable {
        case row(AccountRow, [Finding])
        case reject(Reject)
        case skipped
    }

    struct Interrupted: Error {}

    /// Stores everything inside the store's current run. Throws `InputError`
    /// or `StoreError`, or `Interrupted` on Ctrl-C.
    ///
    /// Three stages on three threads: reading (parse into accounts),
    /// normalising (accounts into rows: canonical text, key, hashes) and
    /// storing (this thread). The first two together cost more than storing,
    /// so splitting them lets both cores work all the time.
    func run() throws {
        let accounts = BoundedQueue<ReadBatch>(capacity: 16)
        let queue = BoundedQueue<Batch>(capacity: 16)
        let entries = sources.entries
        let options = self.options
        let reader = Thread {
            Self.read(entries, options: options, into: accounts)
        }
        reader.name = "reader"
        reader.stackSize = 4 << 20
        let rules = self.rules
        let providers = self.providers
        let normaliser = Thread {
            Self.normalise(accounts, into: queue, rules: rules, providers: providers)
        }
        normaliser.name = "normaliser"
        reader.start()
        normaliser.start()
        defer {
            queue.close()
            accounts.close()
        }

        var seen = 0
        while true {
            if InterruptSignal.wasRaised { throw Interrupted() }
            guard let batch = queue.take(timeout: 0.2) else { continue }
            switch batch {
            case .end:
                progress.clear()
                return
            case .failed(let error):
                progress.clear()
                throw error
            case .items(let items):
                for item in items {
                    switch item {
                    case let .row(row, findings):
                        switch try store.store(row) {
                        case .duplicateInRun:
                            keep(source: row.source.description, reason: "duplicate account, not stored again")
                        case .inserted(let id), .updated(let id), .unchanged(let id):
                            for finding in findings {
                                try store.recordFinding(
                                    accountID: id, source: row.source, rule: finding.rule,
                                    severity: finding.severity.rawValue, field: finding.field?.name,
                                    message: finding.message, fix: finding.fix)
                                findingCounts[finding.severity, default: 0] += 1
                            }
                        }
                    case .reject(let reject):
                        try store.recordReject(source: reject.source, reason: reject.reason)
                        keep(source: reject.source.description, reason: reject.reason)
                    case .skipped:
                        try store.recordSkipped()
                    }
                }
                seen += items.count
                progress.update(records: seen)
            }
        }
    }

    private func keep(source: String, reason: String) {
        if rejects.count < rejectsKept { rejects.append((source, reason)) }
    }

    /// Rejects the store found when the run ended (duplicates of an append).
    func keep(_ late: [(source: String, reason: String)]) {
        for reject in late { keep(source: reject.source, reason: reject.reason) }
    }

    enum ReadBatch: Sendable {
        case items([ImportItem])
        case failed(InputError)
        case end
    }

    private static func read(
        _ entries: [SourceList.Entry], options: ReadOptions, into queue: BoundedQueue<ReadBatch>
    ) {
        let batchSize = 512
        var batch: [ImportItem] = []
        batch.reserveCapacity(batchSize)
        do throws(InputError) {
            for entry in entries {
                let reader = try entry.format.reader(path: entry.path, options: options)
                while let item = try reader.next() {
                    batch.append(item)
                    if batch.count == batchSize {
                        guard queue.put(.items(batch)) else { return }
                        batch = []
                        batch.reserveCapacity(batchSize)
                    }
                }
            }
            if !batch.isEmpty { guard queue.put(.items(batch)) else { return } }
            queue.put(.end)
        } catch {
            if !batch.isEmpty { guard queue.put(.items(batch)) else { return } }
            queue.put(.failed(error))
        }
    }

    private static func normalise(
        _ input: BoundedQueue<ReadBatch>, into queue: BoundedQueue<Batch>, rules: RuleConfiguration?,
        providers: ProviderIndex?
    ) {
        // Account rules only: batch rules remember every key they see, and a
        // run's memory must not grow with its input (`validate` runs them).
        var validator = rules.map { BatchValidator(configuration: $0, batchRules: false, providers: providers) }
        while true {
            guard let next = input.take(timeout: 1) else { continue }
            switch consume next {
            case .end:
                queue.put(.end)
                return
            case .failed(let error):
                queue.put(.failed(error))
                return
            case .items(let items):
                var rows: [ImportItemRow] = []
                rows.reserveCapacity(items.count)
                for item in items {
                    switch item {
                    case let .account(account, source):
                        let findings = validator?.validate(account, source: source) ?? []
                        rows.append(.row(AccountRow(account: account, source: source), findings))
                    case .reject(let reject): rows.append(.reject(reject))
                    case .skipped: rows.append(.skipped)
                    }
                }
                guard queue.put(.items(rows)) else { return }
            }
        }
    }
}
