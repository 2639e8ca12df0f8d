import Exporters
import Foundation
import Importers
import MailModel
import Validation

/// Reads every source and stores what it reads, on four threads: one reads
/// (for CSV it only cuts records; other formats it parses into accounts),
/// two turn records into accounts and accounts into validated `AccountRow`s,
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
    /// `run --repair-double-encoding` (only with validation: each repair is a finding).
    private let repairDoubleEncoding: Bool
    /// Findings stored, by severity.
    private(set) var findingCounts: [Severity: Int] = [:]

    init(
        sources: SourceList, options: ReadOptions, store: AccountStore, progress: ProgressLine,
        rules: RuleConfiguration?, providers: ProviderIndex? = nil, repairDoubleEncoding: Bool = false
    ) {
        self.providers = providers
        self.repairDoubleEncoding = repairDoubleEncoding
        self.sources = sources
        self.options = options
        self.store = store
        self.progress = progress
        self.rules = rules
    }

    /// A normalised batch with its place in the input (two normalisers
    /// finish batches out of order; the store takes them in order), and
    /// the limit of the normaliser that made it, which the store tells
    /// when the batch is stored.
    enum Batch: Sendable {
        case items(Int, [ImportItemRow], BacklogLimit)
        case failed(Int, InputError)
        case end(Int)

        var sequence: Int {
            switch self {
            case .items(let n, _, _), .failed(let n, _), .end(let n): n
            }
        }
    }

    /// An account already turned into its row, with what validation found,
    /// or a reject.
    enum ImportItemRow: Sendable {
        case row(AccountRow, FindingRows, SeverityTally)
        case reject(Reject)
        case skipped
    }

    struct Interrupted: Error {}

    /// Stores everything inside the store's current run. Throws `InputError`
    /// or `StoreError`, or `Interrupted` on Ctrl-C.
    ///
    /// Three stages: reading (one thread: CSV records are only cut, other
    /// formats parsed into accounts), normalising (records into accounts,
    /// accounts into rows: canonical text, key, hashes, and validation; two
    /// threads, each taking whole batches) and storing (this thread, batches
    /// in input order). Normalising costs the most, so two threads share it
    /// and the other stages keep both cores busy. An account is made, checked
    /// and freed on the same thread: handing accounts between threads cost
    /// more in reference counting and allocator locks than the work itself.
    func run() throws {
        // Eight batches read ahead (against four, with batches of 512:
        // canonical CSV 2-7% and xentral 10% faster in interleaved pairs at
        // 1M), and at most `backlogBatches` of each normaliser past the
        // reader (see `BacklogLimit`); the queue of finished batches has
        // room for all of them, so a normaliser never waits there holding
        // a batch.
        let accounts = BoundedQueue<ReadBatch>(capacity: 8)
        let queue = BoundedQueue<Batch>(capacity: Self.backlogBatches * Self.normaliserCount)
        let backlogs = (0..<Self.normaliserCount).map { _ in BacklogLimit(batches: Self.backlogBatches) }
        let entries = sources.entries
        let options = self.options
        let reader = Thread {
            FeederPriority.lowerCallingThread()
            Self.read(entries, options: options, into: accounts)
        }
        reader.name = "reader"
        reader.stackSize = 4 << 20
        let rules = self.rules
        let providers = self.providers
        let repair = repairDoubleEncoding
        let normalisers = (0..<Self.normaliserCount).map { index in
            let backlog = backlogs[index]
            let thread = Thread {
                FeederPriority.lowerCallingThread()
                Self.normalise(accounts, into: queue, backlog: backlog, rules: rules, providers: providers, repair: repair)
            }
            thread.name = "normaliser-\(index)"
            return thread
        }
        reader.start()
        for thread in normalisers { thread.start() }
        defer {
            for backlog in backlogs { backlog.close() }
            queue.close()
            accounts.close()
        }

        var seen = 0
        var nextSequence = 0
        var waiting: [Int: Batch] = [:]
        while true {
            if InterruptSignal.wasRaised { throw Interrupted() }
            if waiting[nextSequence] == nil {
                guard let arrived = queue.take(timeout: 0.2) else { continue }
                if arrived.sequence >= nextSequence { waiting[arrived.sequence] = arrived }
                continue
            }
            let batch = waiting.removeValue(forKey: nextSequence)!
            nextSequence += 1
            switch consume batch {  // consumed: `items` below is the only reference to its array
            case .end:
                progress.clear()
                return
            case .failed(_, let error):
                progress.clear()
                throw error
            case .items(_, var items, let backlog):
                let count = items.count
                for index in items.indices {
                    // Moved out (a payload-free case left in its place), not copied:
                    // a copy would retain each of the row's buffers and texts.
                    var item = ImportItemRow.skipped
                    swap(&item, &items[index])
                    switch consume item {
                    case let .row(row, findings, tally):
                        switch try store.store(row) {
                        case .duplicateInRun:
                            keep(source: row.sourceText, reason: "duplicate account, not stored again")
                        case .inserted(let id), .updated(let id), .unchanged(let id):
                            guard !findings.isEmpty else { break }
                            try store.recordFindings(findings, accountID: id, of: row)
                            tally.add(to: &findingCounts)
                        }
                    case .reject(let reject):
                        try store.recordReject(source: reject.source, reason: reject.reason)
                        keep(source: reject.source.description, reason: reject.reason)
                    case .skipped:
                        try store.recordSkipped()
                    }
                }
                seen += count
                backlog.leave()
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

    /// How many threads normalise (see `run`).
    static let normaliserCount = 2

    /// Records per batch (a batch also ends at about 1 MiB). Against 512,
    /// the peak memory of a run went from 68-71 MB to 57-58 MB at 1M
    /// accounts, and no longer grew with the input by more than about half
    /// a megabyte (1M against 100k). The four times as many hand-overs
    /// between threads cost no CPU that interleaved runs could tell apart
    /// (medians 10.79 and 10.64 s at 1M); with the backlog limits a core
    /// stands idle a little more often (about 5.5% of a run against 3.7%).
    static let batchSize = 128

    /// Batches of one normaliser past the reader at most: being normalised,
    /// finished and waiting for the store, or being stored. One limit per
    /// normaliser, not one for both: with one for both, the normaliser that
    /// ran ahead could hold nearly all the places, so its heap grew to what
    /// the longest such streak needed, and a long run has longer streaks.
    /// (1M against 100k accounts: peak 0.3-0.6 MB higher with one limit of
    /// eight, 0.2-0.4 MB with one of four each.)
    static let backlogBatches = 4

    /// A batch as read, numbered in input order. The end (or a failure)
    /// is put once per normaliser, so that each of them stops.
    enum ReadBatch: Sendable {
        case items(Int, [ImportItem])
        /// Records cut but not yet turned into accounts (CSV): the normaliser does that.
        case undecoded(Int, UndecodedBatch)
        case failed(Int, InputError)
        case end(Int)
    }

    private static func read(
        _ entries: [SourceList.Entry], options: ReadOptions, into queue: BoundedQueue<ReadBatch>
    ) {
        let batchSize = Self.batchSize
        var batch: [ImportItem] = []
        var sequence = 0
        batch.reserveCapacity(batchSize)
        func flush() -> Bool {
            guard !batch.isEmpty else { return true }
            defer {
                batch = []
                batch.reserveCapacity(batchSize)
                sequence += 1
            }
            return queue.put(.items(sequence, batch))
        }
        do throws(InputError) {
            for entry in entries {
                let reader = try entry.format.reader(path: entry.path, options: options)
                if let batching = reader as? BatchingAccountReader {
                    guard flush() else { return }
                    while let records = try batching.nextBatch(limit: batchSize) {
                        guard queue.put(.undecoded(sequence, records)) else { return }
                        sequence += 1
                    }
                    continue
                }
                while let item = try reader.next() {
                    batch.append(item)
                    if batch.count == batchSize { guard flush() else { return } }
                }
            }
            guard flush() else { return }
            for _ in 0..<normaliserCount { queue.put(.end(sequence)) }
        } catch {
            guard flush() else { return }
            for _ in 0..<normaliserCount { queue.put(.failed(sequence, error)) }
        }
    }

    private static func normalise(
        _ input: BoundedQueue<ReadBatch>, into queue: BoundedQueue<Batch>, backlog: BacklogLimit,
        rules: RuleConfiguration?, providers: ProviderIndex?, repair: Bool
    ) {
        // Account rules only: batch rules look across every account, and
        // each normaliser sees only some of them (`validate` runs them).
        var validator = rules.map { BatchValidator(configuration: $0, batchRules: false, providers: providers) }
        var sizes = BatchSizes()
        while backlog.enter() {
            guard let next = input.take(timeout: 1) else {
                if input.isClosed { return }
                backlog.leave()
                continue
            }
            switch consume next {
            case .end(let sequence):
                queue.put(.end(sequence))
                return
            case .failed(let sequence, let error):
                queue.put(.failed(sequence, error))
                return
            case .items(let sequence, let items):
                let rows = normalise(items.count, &sizes, validator: &validator, repair: repair) { add in
                    for item in items { add(item) }
                }
                guard queue.put(.items(sequence, rows, backlog)) else { return }
            case .undecoded(let sequence, let records):
                let rows = normalise(records.count, &sizes, validator: &validator, repair: repair) { add in
                    records.decode { item in add(item) }
                }
                guard queue.put(.items(sequence, rows, backlog)) else { return }
            }
        }
    }

    /// What a normaliser's previous batch took: the next one reserves as much
    /// and an eighth, up to `reservedBytesLimit` (a batch with one huge
    /// record must not make the next reserve as much again).
    private struct BatchSizes {
        var rows = 1
        var bytes = 1024
        static let reservedBytesLimit = 4 << 20

        var bytesToReserve: Int { min(bytes + bytes / 8, Self.reservedBytesLimit) }
    }

    /// The items `feed` gives, turned into rows and validated; the rows of
    /// the batch share their buffers (`AccountRowBatch`).
    private static func normalise(
        _ count: Int, _ sizes: inout BatchSizes, validator: inout BatchValidator?, repair: Bool,
        feed: ((consuming ImportItem) -> Void) -> Void
    ) -> [ImportItemRow] {
        var batch = AccountRowBatch(rows: max(sizes.rows, count), bytes: sizes.bytesToReserve)
        var pending: [PendingItem] = []
        pending.reserveCapacity(count)
        if repair {
            feed { item in pending.append(Self.pendingRepaired(item, into: &batch, validator: &validator)) }
        } else {
            feed { item in pending.append(Self.pending(item, into: &batch, validator: &validator)) }
        }
        sizes = BatchSizes(rows: batch.count, bytes: batch.byteCount)
        var made = batch.finish().makeIterator()
        var rows: [ImportItemRow] = []
        rows.reserveCapacity(pending.count)
        for item in pending {
            switch consume item {
            case let .row(findings, tally): rows.append(.row(made.next()!, findings, tally))
            case .reject(let reject): rows.append(.reject(reject))
            case .skipped: rows.append(.skipped)
            }
        }
        return rows
    }

    /// An item whose row is in the batch being made.
    private enum PendingItem {
        case row(FindingRows, SeverityTally)
        case reject(Reject)
        case skipped
    }

    /// An item into its row in `batch`, with what validation finds. The
    /// account is moved, not copied, through the row and the validator (a
    /// copy of an account retains and releases each of its texts).
    private static func pending(
        _ item: consuming ImportItem, into batch: inout AccountRowBatch, validator: inout BatchValidator?
    ) -> PendingItem {
        switch consume item {
        case let .account(account, source):
            batch.append(account: account, source: source)
            guard validator != nil else { return .row(FindingRows(), SeverityTally()) }
            // The findings become texts here, where they were made: the store
            // thread only copies their bytes (see `FindingRows`).
            var texts = FindingRows()
            var tally = SeverityTally()
            for finding in validator!.validate(account, source: source) {
                texts.append(
                    rule: finding.rule, severity: finding.severity.rawValue, field: finding.field?.name,
                    message: finding.message, fix: finding.fix)
                tally.count(finding.severity)
            }
            return .row(texts, tally)
        case .reject(let reject): return .reject(reject)
        case .skipped: return .skipped
        }
    }

    /// `pending` after repairing double-encoded text, with a finding per
    /// repair after the validator's (a run that repairs always validates).
    private static func pendingRepaired(
        _ item: consuming ImportItem, into batch: inout AccountRowBatch, validator: inout BatchValidator?
    ) -> PendingItem {
        switch consume item {
        case .account(var account, let source):
            let repairs = DoubleEncodingRepair.repair(&account)
            guard case .row(var texts, var tally) = pending(.account(account, source), into: &batch, validator: &validator)
            else { preconditionFailure("an account always becomes a row") }
            for finding in repairs {
                texts.append(
                    rule: finding.rule, severity: finding.severity.rawValue, field: finding.field?.name,
                    message: finding.message, fix: finding.fix)
                tally.count(finding.severity)
            }
            return .row(texts, tally)
        case let other:
            return pending(other, into: &batch, validator: &validator)
        }
    }
}
