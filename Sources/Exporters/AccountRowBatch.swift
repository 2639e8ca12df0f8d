import MailModel

/// The rows of one batch of accounts, made one after the other into two
/// buffers that the finished rows share (see `AccountRow` for why).
public struct AccountRowBatch {
    /// Room reserved ahead, written from the front: the first `used` bytes
    /// are the rows'. The field texts are written straight into it
    /// (`ByteWriter`): appending each to an array cost a fifth of making a row.
    private var bytes: [UInt8]
    private var used = 0
    private var ends: [Int32] = []
    /// Per row: where its bytes start, and its hashes.
    private var rows: [(start: Int, keyHash: Int64, contentHash: Int64)] = []
    /// The row's key and source position, made here and then copied in.
    private var tail: [UInt8] = []

    /// Room for `rows` rows of `bytes` bytes in all (a normaliser passes the
    /// size of its previous batch: growing the buffer copies it).
    public init(rows: Int = 1, bytes: Int = 1024) {
        self.bytes = [UInt8](repeating: 0, count: max(bytes, 64))
        ends.reserveCapacity(rows * AccountRow.endCount)
        self.rows.reserveCapacity(rows)
    }

    /// The rows made so far.
    public var count: Int { rows.count }
    /// Their bytes so far.
    public var byteCount: Int { used }

    /// Bytes zeroed beyond a row that did not fit, for the rows after it.
    private static let growthMargin = 16 << 10

    /// Makes the next row.
    public mutating func append(account: borrowing MailAccount, source: SourceReference) {
        tail.removeAll(keepingCapacity: true)
        NaturalKey.append(of: account, to: &tail)
        let keyCount = tail.count
        source.appendText(to: &tail)
        // The row's ends are gathered on the stack and appended at once:
        // appending them one by one cost a tenth of making the row.
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: AccountRow.endCount) { rowEnds in
            while true {
                let missing = write(account, keyCount: keyCount, ends: rowEnds)
                if missing == 0 { break }
                // Room for this row and a few more. The array doubles its
                // capacity when it must move, but only the bytes counted
                // here are zeroed: doubling the count too made whole batch
                // buffers resident, and a 1M dump's peak memory 2-6 MB
                // higher than a 100k dump's.
                bytes.append(contentsOf: repeatElement(0, count: missing + Self.growthMargin))
            }
            ends.append(contentsOf: UnsafeBufferPointer(rebasing: rowEnds[..<AccountRow.endCount]))
        }
    }

    /// Writes the row at `used` and records it; when it does not fit,
    /// records nothing and returns how many more bytes it needs.
    private mutating func write(
        _ account: borrowing MailAccount, keyCount: Int, ends rowEnds: UnsafeMutableBufferPointer<Int32>
    ) -> Int {
        let start = used
        let tail = self.tail
        // The row's size, and its hashes when it fitted.
        let row = bytes.withUnsafeMutableBufferPointer { room -> (size: Int, hashes: (key: Int64, content: Int64)?) in
            var out = ByteWriter(into: UnsafeMutableBufferPointer(rebasing: room[start...]))
            var index = 0
            for field in CanonicalField.ordered {
                field.appendText(in: account, to: &out)
                rowEnds[index] = Int32(out.written)
                index += 1
            }
            let fieldsCount = out.written
            tail.withUnsafeBufferPointer { out.append(contentsOf: $0) }
            guard out.missing == 0 else { return (out.written + out.missing, nil) }
            rowEnds[index] = Int32(fieldsCount + keyCount)
            rowEnds[index + 1] = Int32(out.written)
            // The hashes are stored: their input must stay exactly this (the
            // field texts and their ends; the key's UTF-8).
            var content = StableHash()
            content.add(bytes: UnsafeBufferPointer(rebasing: room[start..<(start + fieldsCount)]))
            content.add(bytes: UnsafeBufferPointer(rebasing: rowEnds[..<index]))
            var key = StableHash()
            key.add(bytes: UnsafeBufferPointer(rebasing: room[(start + fieldsCount)..<(start + fieldsCount + keyCount)]))
            return (out.written, (key.int64, content.int64))
        }
        guard let hashes = row.hashes else { return row.size - (bytes.count - start) }
        rows.append((start, hashes.key, hashes.content))
        used = start + row.size
        return 0
    }

    /// The rows, in the order they were made.
    public consuming func finish() -> [AccountRow] {
        let bytes = self.bytes
        let ends = self.ends
        var finished: [AccountRow] = []
        finished.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let end = index + 1 < rows.count ? rows[index + 1].start : used
            let firstEnd = index * AccountRow.endCount
            finished.append(
                AccountRow(
                    bytes: bytes[row.start..<end], ends: ends[firstEnd..<(firstEnd + AccountRow.endCount)],
                    keyHash: row.keyHash, contentHash: row.contentHash))
        }
        return finished
    }
}
