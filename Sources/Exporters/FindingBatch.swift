/// A run's findings on their way into `findings`, `rowsPerStatement` to one
/// multi-row `INSERT OR FAIL … VALUES`, as `AppendBatch` does for accounts:
/// each statement step costs work besides its rows (measured in C against
/// this libsqlite3, 400,000 findings took 0.74–1.17 µs each one to a
/// statement, 0.40–0.65 µs sixteen to one). `OR FAIL` keeps SQLite from
/// journaling the statement; a failed insert fails the whole run anyway.
///
/// Findings wait here until their group is full; `flush()` writes the rest,
/// and must come before anything reads `findings`.
final class FindingBatch {
    static let rowsPerStatement = 16

    /// One waiting finding: where its six texts end in `text` (source, rule,
    /// severity, field, message, fix; the source starts at `start`).
    private struct Waiting {
        let accountID: Int64
        let start: Int32
        let ends: (Int32, Int32, Int32, Int32, Int32, Int32)
        let hasField: Bool
        let hasFix: Bool
    }

    private let run: Int64
    private let groupInsert: SQLiteStatement
    private let singleInsert: SQLiteStatement
    private var text: [UInt8] = []
    private var waiting: [Waiting] = []

    init(connection db: SQLiteConnection, run: Int64) throws(StoreError) {
        self.run = run
        groupInsert = try db.prepare(Self.insert(rows: Self.rowsPerStatement))
        singleInsert = try db.prepare(Self.insert(rows: 1))
        waiting.reserveCapacity(Self.rowsPerStatement)
    }

    /// Takes the findings of the account `accountID`, found at `source`.
    func add(accountID: Int64, source: UnsafeBufferPointer<UInt8>, _ findings: FindingRows) throws(StoreError) {
        try findings.bytes.withUnsafeBufferPointer { (all) throws(StoreError) in
            for index in 0..<findings.count {
                let parts = findings.parts(of: index)
                let start = text.count
                text.append(contentsOf: source)
                // Rule to fix lie one after the other in `all`: one copy.
                let shift = text.count - parts.start
                text.append(contentsOf: UnsafeBufferPointer(rebasing: all[parts.start..<parts.ends.4]))
                waiting.append(
                    Waiting(
                        accountID: accountID, start: Int32(start),
                        ends: (
                            Int32(parts.start + shift), Int32(parts.ends.0 + shift), Int32(parts.ends.1 + shift),
                            Int32(parts.ends.2 + shift), Int32(parts.ends.3 + shift), Int32(parts.ends.4 + shift)
                        ),
                        hasField: parts.hasField, hasFix: parts.hasFix))
                if waiting.count == Self.rowsPerStatement {
                    try insertWaiting(with: groupInsert, rowsPerStatement: Self.rowsPerStatement)
                }
            }
        }
    }

    /// Inserts the findings still waiting for their group to fill.
    func flush() throws(StoreError) {
        try insertWaiting(with: singleInsert, rowsPerStatement: 1)
    }

    /// Inserts every waiting finding, `rowsPerStatement` to a step of `statement`.
    private func insertWaiting(with statement: SQLiteStatement, rowsPerStatement: Int) throws(StoreError) {
        try text.withUnsafeBufferPointer { (text) throws(StoreError) in
            func part(_ from: Int32, _ to: Int32) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: text[Int(from)..<Int(to)])
            }
            for (index, finding) in waiting.enumerated() {
                let first = Int32((index % rowsPerStatement) * 8)
                let ends = finding.ends
                statement.bind(first + 1, run)
                statement.bind(first + 2, finding.accountID)
                statement.bindStatic(first + 3, part(finding.start, ends.0), emptyIsNull: false)
                statement.bindStatic(first + 4, part(ends.0, ends.1), emptyIsNull: false)
                statement.bindStatic(first + 5, part(ends.1, ends.2), emptyIsNull: false)
                if finding.hasField {
                    statement.bindStatic(first + 6, part(ends.2, ends.3), emptyIsNull: false)
                } else {
                    statement.bindNull(first + 6)
                }
                statement.bindStatic(first + 7, part(ends.3, ends.4), emptyIsNull: false)
                if finding.hasFix {
                    statement.bindStatic(first + 8, part(ends.4, ends.5), emptyIsNull: false)
                } else {
                    statement.bindNull(first + 8)
                }
                if (index + 1) % rowsPerStatement == 0 {
                    defer { statement.reset() }
                    try statement.step()
                }
            }
        }
        waiting.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
    }

    private static func insert(rows: Int) -> String {
        "INSERT OR FAIL INTO findings(run_id, account_id, source, rule, severity, field, message, fix) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
    }
}
