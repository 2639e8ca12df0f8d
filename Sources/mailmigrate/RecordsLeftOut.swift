import Importers

/// The records of `validate`'s and `probe`'s SOURCE files that did not become
/// accounts, so that none is left out silently: each rejected record is a
/// line on standard error when it is met (`FILE:LINE: rejected: REASON`,
/// escaped as every text from the data is), and the counts close the output.
/// Nothing is held per record, so a file of broken rows keeps memory flat.
struct RecordsLeftOut {
    /// What the command does with an account, for the closing lines ("checked", "connect-tested").
    let work: String
    private(set) var rejected = 0
    private(set) var skipped = 0

    init(work: String) {
        self.work = work
    }

    mutating func reject(_ reject: Reject) {
        rejected += 1
        FileHandleStream.standardError.write(
            "\(TerminalText.visible(reject.source.description)): rejected: \(TerminalText.visible(reject.reason))\n")
    }

    /// A row its system marks deleted (OpenXE `geloescht = 1`), without --include-deleted.
    mutating func skip() {
        skipped += 1
    }

    /// The counts, after the command's output.
    func writeCounts() {
        if skipped > 0 {
            FileHandleStream.standardError.write(
                skipped == 1 ? "1 record skipped: deleted in its system (--include-deleted includes it)\n"
                    : "\(skipped) records skipped: deleted in their system (--include-deleted includes them)\n")
        }
        if rejected > 0 {
            FileHandleStream.standardError.write(
                rejected == 1 ? "1 record could not be read and was not \(work)\n"
                    : "\(rejected) records could not be read and were not \(work)\n")
        }
    }
}
