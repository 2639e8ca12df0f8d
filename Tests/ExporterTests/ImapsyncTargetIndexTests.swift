import TestSupport
import Testing

@testable import Exporters

@Suite struct ImapsyncTargetIndexTests {
    /// The first account of an address is the pair's; case is ignored in
    /// Unicode's sense; an account without an address is never a target.
    @Test func firstAccountOfAnAddressIgnoringCase() throws {
        let index = try ImapsyncTargetIndex()
        try index.add(id: 7, email: "JÜRGEN@MÜLLER.DE")
        try index.add(id: 9, email: "jürgen@müller.de")
        try index.add(id: 11, email: "")
        try index.add(id: 12, email: "chef@vogel.de")
        #expect(try !index.isPaired("jürgen@müller.de"))
        #expect(try index.pair("Jürgen@Müller.de") == 7)
        #expect(try index.isPaired("JÜRGEN@müller.de"))
        #expect(try !index.isPaired("chef@vogel.de"))
        #expect(try index.pair("") == nil)
        #expect(try index.pair("lager@vogel.de") == nil)
        #expect(try !index.isPaired("lager@vogel.de"))
    }

    /// The same answers as a dictionary on 50,000 targets with 40,000
    /// addresses drawn at random, looked up in another order and case.
    @Test func answersAsADictionaryDoesPastThePageCache() throws {
        let index = try ImapsyncTargetIndex()
        var reference: [String: Int64] = [:]
        var random = SplitMix64(seed: 24)
        for id in Int64(1)...50_000 {
            let email = "Konto-\(random.next() % 40_000)@Kunde-\(id % 97).de"
            try index.add(id: id, email: email)
            if reference[email.lowercased()] == nil { reference[email.lowercased()] = id }
        }
        #expect(reference.count > 30_000)
        for (n, key) in reference.keys.sorted().enumerated() where n % 3 == 0 {
            #expect(try index.pair(key.uppercased()) == reference[key])
        }
        let paired = try reference.keys.filter { try index.isPaired($0) }.count
        #expect(paired == (reference.count + 2) / 3)
    }
}

extension ImapsyncTargetIndexTests {
    /// The temporary file has no name: an error names the index instead.
    @Test func anErrorNamesTheIndex() throws {
        let db = try SQLiteConnection(path: "", create: false)
        try db.execute("PRAGMA query_only = 1")
        #expect(throws: StoreError(
            path: "the temporary index of the target addresses", message: "attempt to write a readonly database")
        ) {
            _ = try ImapsyncTargetIndex(database: db)
        }
    }
}
