import Exporters
import Foundation
import Importers
import MailModel

/// Reads every source and stores what it reads, on two threads: one reads,
/// parses and normalises records into `AccountRow`s, the other writes them to
/// SQLite. A bounded queue between them keeps memory flat.
final class ImportPipeline {
    /// What `run` found wrong with single records, up to a limit, for the summary.
    private(set) var rejects: [(source: String, reason: String)] = []
    let rejectsKept = 1000

    private let sources: SourceList
    private let store: AccountStore
    private let progress: ProgressLine

    init(sources: SourceList, store: AccountStore, progress: ProgressLine) {
        self.sources = sources
        self.store = store
        self.progress = progress
    }

    enum Batch: Sendable {
        case items([ImportItemRow])
        case failed(InputError)
        case end
    }

    /// An account already turned into its row, or a reject.
    enum ImportItemRow: Sendable {
        case row(AccountRow)
        case reject(Reject)
    }

    struct Interrupted: Error {}

    /// Stores everything inside the store's current run. Throws `InputError`
    /// or `StoreError`, or `Interrupted` on Ctrl-C.
    func run() throws {
        let queue = BoundedQueue<Batch>(capacity: 8)
        let entries = sources.entries
        let reader = Thread {
            Self.read(entries, into: queue)
        }
        reader.name = "reader"
        reader.stackSize = 4 << 20
        reader.start()
        defer { queue.close() }

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
                    case .row(let row):
                        if case .duplicateInRun = try store.store(row) {
                            keep(source: row.source.description, reason: "duplicate account, not stored again")
                        }
                    case .reject(let reject):
                        try store.recordReject(source: reject.source, reason: reject.reason)
                        keep(source: reject.source.description, reason: reject.reason)
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

    private static func read(_ entries: [SourceList.Entry], into queue: BoundedQueue<Batch>) {
        let batchSize = 512
        var batch: [ImportItemRow] = []
        batch.reserveCapacity(batchSize)
        do throws(InputError) {
            for entry in entries {
                let reader = try entry.format.reader(path: entry.path)
                while let item = try reader.next() {
                    switch item {
                    case let .account(account, source):
                        batch.append(.row(AccountRow(account: account, source: source)))
                    case .reject(let reject):
                        batch.append(.reject(reject))
                    }
                    if batch.count == batchSize {
                        guard queue.put(.items(batch)) else { return }
                        batch.removeAll(keepingCapacity: true)
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
}
