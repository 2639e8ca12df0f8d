import TestSupport
import Testing

@testable import Exporters

@Suite struct SpillingFirstSeenTests {
    /// Past its limit the keys move to the temporary database, and every
    /// answer stays what it was: the first source of a key seen before,
    /// nil for a new one.
    @Test func keysMoveToDiskAndAnswerAsBefore() {
        let seen = SpillingFirstSeen(memoryLimit: 3)
        for n in 1...3 { #expect(seen.previous(for: "k\(n)", source: "a.csv:\(n)") == nil) }
        #expect(!seen.isOnDisk)
        #expect(seen.previous(for: "k2", source: "a.csv:9") == "a.csv:2")
        #expect(seen.previous(for: "jörg@xn--mller-kva.de\u{1F}imap\u{1F}jörg", source: "b.csv:2") == nil)
        #expect(seen.isOnDisk)
        #expect(seen.previous(for: "k1", source: "a.csv:10") == "a.csv:1")
        #expect(seen.previous(for: "jörg@xn--mller-kva.de\u{1F}imap\u{1F}jörg", source: "b.csv:3") == "b.csv:2")
        #expect(seen.previous(for: "k5", source: "a.csv:11") == nil)
        #expect(seen.previous(for: "k5", source: "a.csv:12") == "a.csv:11")
        #expect(seen.previous(for: "K5", source: "a.csv:13") == nil)  // keys are compared as they are
        #expect(seen.diskFailure == nil)
    }

    /// The same answers as the in-memory dictionary on 20,000 keys drawn
    /// from 6,000 (so most come back), with the limit at 1,000.
    @Test func answersAsTheDictionaryDoes() {
        var random = SplitMix64(seed: 22)
        let seen = SpillingFirstSeen(memoryLimit: 1_000)
        var reference: [String: String] = [:]
        var repeats = 0
        for n in 0..<20_000 {
            let key = "konto-\(random.next() % 6_000)@example.de"
            let source = "in.csv:\(n + 2)"
            let expected = reference[key]
            if expected == nil { reference[key] = source } else { repeats += 1 }
            #expect(seen.previous(for: key, source: source) == expected)
        }
        #expect(seen.isOnDisk && repeats > 10_000)
    }

    /// A temporary database that cannot be made (a full /tmp): the keys stay
    /// in memory, every answer is still right, and the reason is kept.
    @Test func aDiskThatFailsKeepsTheKeysInMemory() {
        let seen = SpillingFirstSeen(memoryLimit: 2) { () throws(StoreError) -> SQLiteConnection in
            throw StoreError(path: "", message: "unable to open database file")
        }
        for n in 1...5 { #expect(seen.previous(for: "k\(n)", source: "s\(n)") == nil) }
        for n in 1...5 { #expect(seen.previous(for: "k\(n)", source: "t\(n)") == "s\(n)") }
        #expect(!seen.isOnDisk)
        #expect(seen.diskFailure == "unable to open database file")
    }
}
