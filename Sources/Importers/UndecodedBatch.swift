/// Records read but not yet turned into items, and what turns them.
public struct UndecodedBatch: Sendable {
    let records: any UndecodedRecords

    init(_ records: any UndecodedRecords) { self.records = records }

    /// The number of records (and so of items, but for blank and comment lines).
    public var count: Int { records.count }

    /// Hands each of the batch's items to `body`, in input order; on any thread.
    public func decode(_ body: (consuming ImportItem) -> Void) {
        records.decode(body)
    }

    /// The batch's items, in input order.
    public func decode() -> [ImportItem] {
        var items: [ImportItem] = []
        items.reserveCapacity(records.count)
        records.decode { items.append($0) }
        return items
    }
}

/// One format's records in a batch, able to turn themselves into items.
protocol UndecodedRecords: Sendable {
    var count: Int { get }
    func decode(_ body: (consuming ImportItem) -> Void)
}
