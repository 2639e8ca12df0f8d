import MailModel

/// The rows of one batch of accounts, made one after the other into two
/// buffers that the finished rows share (see `AccountRow` for why).
public struct AccountRowBatch {
    private var bytes: [UInt8] = []
    private var ends: [Int32] = []
    /// Per row: where its bytes start, and its hashes.
    private var rows: [(start: Int, keyHash: Int64, contentHash: Int64)] = []

    /// Room for `rows` rows of `bytes` bytes in all (a normaliser passes the
    /// size of its previous batch: growing the buffer copies it).
    public init(rows: Int = 1, bytes: Int = 1024) {
        self.bytes.reserveCapacity(bytes)
        ends.reserveCapacity(rows * AccountRow.endCount)
        self.rows.reserveCapacity(rows)
    }

    /// The rows made so far.
    public var count: Int { rows.count }
    /// Their bytes so far.
    public var byteCount: Int { bytes.count }

    /// Makes the next row.
    public mutating func append(account: borrowing MailAccount, source: SourceReference) {
        let start = bytes.count
        // The row's ends are gathered on the stack and appended at once:
        // appending them one by one cost a tenth of making the row.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: AccountRow.endCount) { rowEnds in
            var index = 0
            for field in CanonicalField.ordered {
                field.appendText(in: account, to: &bytes)
                rowEnds[index] = Int32(bytes.count - start)
                index += 1
            }
            // The hashes are stored: their input must stay exactly this (the
            // field texts and their ends; the key's UTF-8).
            var content = StableHash()
            content.add(bytes: bytes[start...])
            content.add(bytes: UnsafeBufferPointer(rebasing: rowEnds[..<index]))
            let keyStart = bytes.count
            NaturalKey.append(of: account, to: &bytes)
            var key = StableHash()
            key.add(bytes: bytes[keyStart...])
            rowEnds[index] = Int32(bytes.count - start)
            source.appendText(to: &bytes)
            rowEnds[index + 1] = Int32(bytes.count - start)
            ends.append(contentsOf: UnsafeBufferPointer(rebasing: rowEnds[..<(index + 2)]))
            rows.append((start, key.int64, content.int64))
        }
    }

    /// The rows, in the order they were made.
    public consuming func finish() -> [AccountRow] {
        let bytes = self.bytes
        let ends = self.ends
        var finished: [AccountRow] = []
        finished.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let end = index + 1 < rows.count ? rows[index + 1].start : bytes.count
            let firstEnd = index * AccountRow.endCount
            finished.append(
                AccountRow(
                    bytes: bytes[row.start..<end], ends: ends[firstEnd..<(firstEnd + AccountRow.endCount)],
                    keyHash: row.keyHash, contentHash: row.contentHash))
        }
        return finished
    }
}
