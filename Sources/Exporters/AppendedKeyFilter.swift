/// The key hashes a run on an empty store has appended, remembered in fixed
/// memory, to name the few that may have been stored twice.
///
/// A run on an empty store does not look keys up as it goes (see
/// `AccountStore.beginRun`), so it must find its duplicates at the end.
/// Asking SQLite for every key hash held more than once walks the whole key
/// index: 0.2–0.3 s at a million accounts, with both cores idle. This filter
/// (a Bloom filter with two probes in 2 MiB) sees each hash as it is stored
/// and keeps those it may have seen before: every true duplicate, and a few
/// thousand innocent hashes at a million accounts, which the store checks
/// one by one in the index. Past `candidateLimit` (about 2.4 million accounts
/// in one run) it gives up, and the store asks SQLite as before.
struct AppendedKeyFilter {
    /// 2^24 bits.
    private var words = [UInt64](repeating: 0, count: 1 << 18)
    private static let mask: UInt64 = (1 << 24) - 1

    /// Hashes that may have been stored more than once.
    private(set) var candidates: Set<Int64> = []
    /// More candidates than `candidateLimit`: the filter no longer tells anything.
    private(set) var overflowed = false
    let candidateLimit: Int

    static let defaultCandidateLimit = 1 << 16

    init(candidateLimit: Int = defaultCandidateLimit) {
        self.candidateLimit = candidateLimit
    }

    /// Notes a stored key hash.
    mutating func insert(_ hash: Int64) {
        // Two probes from the two halves of the (well mixed) stable hash.
        let value = UInt64(bitPattern: hash)
        let first = value & Self.mask
        let second = (value >> 32) & Self.mask
        let seen = test(first) && test(second)
        set(first)
        set(second)
        guard seen, !overflowed else { return }
        candidates.insert(hash)
        if candidates.count > candidateLimit {
            overflowed = true
            candidates = []
        }
    }

    private func test(_ bit: UInt64) -> Bool {
        words[Int(bit >> 6)] & (1 << (bit & 63)) != 0
    }

    private mutating func set(_ bit: UInt64) {
        words[Int(bit >> 6)] |= 1 << (bit & 63)
    }
}
