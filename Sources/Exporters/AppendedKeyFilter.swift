/// The key hashes a run on an empty store has appended, remembered in fixed
/// memory, to name the few that may have been stored twice.
///
/// A run on an empty store does not look keys up as it goes (see
/// `AccountStore.beginRun`), so it must find its duplicates at the end.
/// Asking SQLite for every key hash held more than once walks the whole key
/// index: 0.2–0.3 s at a million accounts, with both cores idle. This filter
/// (a Bloom filter: two probes in one cache line, 2 MiB in all) sees each
/// hash as it is stored and keeps those it may have seen before: every true
/// duplicate, and a few thousand innocent hashes at a million accounts
/// (4,595 in a test), which the store checks one by one in the index. Past
/// `candidateLimit` (about 2.5 million accounts in one run) it gives up, and
/// the store asks SQLite as before.
struct AppendedKeyFilter {
    /// 2^24 bits, as 2^15 lines of 64 bytes (one cache line each).
    private var words = [UInt64](repeating: 0, count: 1 << 18)
    private static let lineMask: UInt64 = (1 << 15) - 1

    /// Hashes that may have been stored more than once (made on each call;
    /// the store asks once, at the end of the run).
    var candidates: Set<Int64> { Set(noted[..<notedCount]) }
    /// More candidates than `candidateLimit`: the filter no longer tells anything.
    private(set) var overflowed = false
    /// How many candidates may be noted (a hash seen three times is noted twice).
    let candidateLimit: Int

    static let defaultCandidateLimit = 1 << 16

    /// Room for the candidates a run of up to about 1.3 million accounts
    /// notes (4,595 at a million; they grow with the square of the count),
    /// written once at the start: a set that grew as they came made a large
    /// run's memory larger than a small one's.
    static let reservedCandidates = 8192

    /// The candidates as they were noted, in `noted[..<notedCount]`.
    private var noted: [Int64]
    private var notedCount = 0

    init(candidateLimit: Int = defaultCandidateLimit) {
        self.candidateLimit = candidateLimit
        noted = [Int64](repeating: 0, count: Swift.min(candidateLimit + 1, Self.reservedCandidates))
    }

    /// Notes a stored key hash; it becomes a candidate when both its bits
    /// were set already. Both bits are in one cache line (a blocked Bloom
    /// filter), which misses the cache for nearly every account: the store
    /// notes its hashes a group at a time (`insert(_:)` of a buffer), which
    /// loads the group's lines together first.
    mutating func insert(_ hash: Int64) {
        // The line and the two bits from separate parts of the (well mixed) stable hash.
        let value = UInt64(bitPattern: hash)
        let line = Self.line(of: hash)
        let first = Int((value >> 32) & 511)
        let second = Int((value >> 48) & 511)
        let seen = test(line, first) && test(line, second)
        set(line, first)
        set(line, second)
        guard seen, !overflowed else { return }
        if notedCount < noted.count { noted[notedCount] = hash } else { noted.append(hash) }
        notedCount += 1
        if notedCount > candidateLimit {
            overflowed = true
            noted = []
            notedCount = 0
        }
    }

    /// Notes stored key hashes, in order. Their cache lines are loaded
    /// first, all at once, so that the misses (nearly one per hash) overlap
    /// instead of each stalling the store thread in turn.
    mutating func insert(_ hashes: UnsafeBufferPointer<Int64>) {
        var touched: UInt64 = 0
        for hash in hashes { touched |= words[Self.line(of: hash)] }
        lineTouches &+= touched
        for hash in hashes { insert(hash) }
    }

    /// The index of the first word of a hash's cache line.
    private static func line(of hash: Int64) -> Int { Int(UInt64(bitPattern: hash) & lineMask) << 3 }

    /// Keeps the loads of `insert(_:)`'s first pass from being left out.
    private var lineTouches: UInt64 = 0

    private func test(_ line: Int, _ bit: Int) -> Bool {
        words[line | (bit >> 6)] & (1 << UInt64(bit & 63)) != 0
    }

    private mutating func set(_ line: Int, _ bit: Int) {
        words[line | (bit >> 6)] |= 1 << UInt64(bit & 63)
    }
}
