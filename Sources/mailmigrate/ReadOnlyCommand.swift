import ArgumentParser
import Exporters
import Foundation
import Importers

/// `mailmigrate read-only`: reads and normalises sources as `run` does, but
/// stores nothing, and prints how fast that went. For the benchmark script, to
/// tell the reading side's speed apart from the database's; hidden from help.
struct ReadOnlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read-only",
        abstract: "Read and normalise sources without storing them; print the rate (benchmarks).",
        shouldDisplay: false)

    @Argument(help: "Files, directories or - to read.")
    var sources: [String]

    @Flag(name: .long, help: "Dumps: run the SQL tokenizer alone (rows of emailbackup, no mapping).")
    var tokensOnly = false

    func run() throws {
        if tokensOnly { return try tokenize() }
        let started = Date()
        var accounts = 0
        var rejected = 0
        var rowBytes = 0
        do {
            for entry in try SourceList(arguments: sources).entries {
                let reader = try entry.format.reader(path: entry.path)
                // Rows made a batch at a time, as `run` makes them.
                var batch = Self.newBatch()
                while let item = try reader.next() {
                    switch consume item {
                    case let .account(account, source):
                        batch.append(account: account, source: source)
                        accounts += 1
                    case .reject, .skipped:
                        rejected += 1
                    }
                    if batch.count == Self.batchRows {
                        rowBytes += batch.finish().reduce(0) { $0 + $1.byteCount }
                        batch = Self.newBatch()
                    }
                }
                rowBytes += batch.finish().reduce(0) { $0 + $1.byteCount }
            }
        } catch {
            throw Failure(error)
        }
        let seconds = Date().timeIntervalSince(started)
        let rate = Double(accounts + rejected) / max(seconds, 1e-9)
        FileHandleStream.standardOutput.write(
            "accounts \(accounts) rejected \(rejected) seconds \(String(format: "%.3f", seconds)) "
                + "records/s \(Int(rate)) row bytes \(rowBytes)\n")
    }

    /// Rows per batch, as `run` cuts its input.
    private static let batchRows = ImportPipeline.batchSize

    private static func newBatch() -> AccountRowBatch { AccountRowBatch(rows: batchRows, bytes: batchRows << 10) }

    /// The dump tokenizer alone: every row of emailbackup, values decoded as an import decodes them, nothing mapped.
    private func tokenize() throws {
        let started = Date()
        var rows = 0
        var bytes = 0
        do {
            for entry in try SourceList(arguments: sources).entries {
                let stream = try InputOpener.open(entry.path)
                let reader = MySQLDumpReader(stream: stream, tables: ["emailbackup"])
                rows += try reader.countRows(of: "emailbackup")
                bytes += reader.bytesRead
            }
        } catch {
            throw Failure(error)
        }
        let seconds = Date().timeIntervalSince(started)
        FileHandleStream.standardOutput.write(
            "rows \(rows) bytes \(bytes) seconds \(String(format: "%.3f", seconds)) "
                + "MB/s \(Int(Double(bytes) / 1e6 / max(seconds, 1e-9)))\n")
    }
}
