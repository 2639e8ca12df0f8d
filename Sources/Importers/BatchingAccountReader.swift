/// A reader whose records are cut from the input on one thread and turned
/// into accounts on others: `run` reads CSV this way (see its pipeline), as
/// cutting must go in file order and turning records into accounts, the
/// larger part of the work, need not. `next()` gives the same items one at
/// a time.
public protocol BatchingAccountReader: AccountReader {
    /// Up to `limit` records cut from the input, with what turns them into
    /// items; nil at the end.
    func nextBatch(limit: Int) throws(InputError) -> UndecodedBatch?
}

/// `next()` for a batching reader: decodes a small batch at a time.
struct DecodedItems {
    private var items: [ImportItem] = []
    private var index = 0

    mutating func next(from reader: BatchingAccountReader) throws(InputError) -> ImportItem? {
        while index == items.count {
            guard let batch = try reader.nextBatch(limit: 64) else { return nil }
            items = batch.decode()
            index = 0
        }
        defer { index += 1 }
        return items[index]
    }
}
