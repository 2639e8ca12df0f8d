import Testing

@testable import Exporters

@Suite struct AppendedKeyFilterTests {
    /// Deterministic, well spread hashes, as the store's are.
    func hash(_ n: Int) -> Int64 {
        var h = StableHash()
        h.add("key-\(n)")
        return h.int64
    }

    @Test func aHashStoredTwiceIsACandidate() {
        var filter = AppendedKeyFilter()
        filter.insert(hash(1))
        filter.insert(hash(2))
        #expect(filter.candidates.isEmpty)
        filter.insert(hash(1))
        #expect(filter.candidates == [hash(1)])
        #expect(!filter.overflowed)
    }

    /// A hash stored three times is noted twice (toward the limit) but is one candidate.
    @Test func aHashStoredThreeTimesIsOneCandidate() {
        var filter = AppendedKeyFilter(candidateLimit: 2)
        for _ in 0..<3 { filter.insert(hash(7)) }
        #expect(filter.candidates == [hash(7)])
        #expect(!filter.overflowed)
        filter.insert(hash(7))
        #expect(filter.overflowed)
    }

    /// Past the room made at the start, candidates are still all kept.
    @Test func moreCandidatesThanTheRoomMadeAtTheStartAreKept() {
        var filter = AppendedKeyFilter()
        let count = AppendedKeyFilter.reservedCandidates + 10
        for n in 0..<count { filter.insert(hash(n)) }
        let innocent = filter.candidates
        for n in 0..<count { filter.insert(hash(n)) }
        #expect(filter.candidates == Set((0..<count).map(hash)))
        #expect(innocent.count < count)
    }

    @Test func distinctHashesMakeFewCandidatesAndEveryDuplicateIsOne() {
        var filter = AppendedKeyFilter()
        for n in 0..<200_000 { filter.insert(hash(n)) }
        // False positives, from 200,000 distinct hashes in 2^24 bits with two probes.
        let innocent = filter.candidates
        #expect(innocent.count < 100)
        for n in stride(from: 0, to: 200_000, by: 1000) { filter.insert(hash(n)) }
        let duplicates = Set(stride(from: 0, to: 200_000, by: 1000).map(hash))
        #expect(filter.candidates == innocent.union(duplicates))
    }

    /// Noting hashes a group at a time gives the same candidates as one by
    /// one, with a duplicate inside a group and one across groups.
    @Test func aGroupOfHashesIsNotedAsOneByOne() {
        var hashes = (0..<1000).map(hash)
        hashes[70] = hashes[65]  // in the same group of 64
        hashes[500] = hashes[3]  // in a later group
        var single = AppendedKeyFilter()
        for h in hashes { single.insert(h) }
        var grouped = AppendedKeyFilter()
        for start in stride(from: 0, to: hashes.count, by: 64) {
            hashes[start..<min(start + 64, hashes.count)].withUnsafeBufferPointer { grouped.insert($0) }
        }
        #expect(grouped.candidates == single.candidates)
        #expect(grouped.candidates.isSuperset(of: [hashes[65], hashes[3]]))
    }

    @Test func pastItsLimitTheFilterGivesUp() {
        var filter = AppendedKeyFilter(candidateLimit: 2)
        for n in 0..<3 { filter.insert(hash(n)) }
        for n in 0..<2 { filter.insert(hash(n)) }
        #expect(filter.candidates.count == 2 && !filter.overflowed)
        filter.insert(hash(2))
        #expect(filter.overflowed)
        #expect(filter.candidates.isEmpty)
        filter.insert(hash(2))
        #expect(filter.candidates.isEmpty)
    }
}
