import Importers
import MailModel
import Testing

/// Bad input of every shape: the readers finish, never crash, and account for
/// every record as an account or a reject.
@Suite struct GarbageInputTests {
    /// A small deterministic generator (xorshift), so a failure can be replayed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let header = "email,incoming_host,incoming_port,incoming_security,ticket_enabled,visible_to_users,extras\n"
    static let good = "a@x.de,imap.x.de,993,tls,true,\"anna;bernd\",kd=1\n"

    func readAll(_ bytes: [UInt8], chunk: Int) throws -> (accounts: Int, rejects: Int) {
        let reader = CanonicalCSVReader(stream: MemoryByteStream(bytes: bytes, name: "g.csv", chunk: chunk))
        var accounts = 0
        var rejects = 0
        while let item = try reader.next() {
            if case .account = item { accounts += 1 } else { rejects += 1 }
        }
        return (accounts, rejects)
    }

    @Test(arguments: 1...200)
    func mangledRecordsNeverCrashAndAreAllCounted(seed: Int) throws {
        var random = Random(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1)
        var bytes = Array(Self.header.utf8)
        let lines = 30
        for _ in 0..<lines { bytes += Array(Self.good.utf8) }
        // Mangle: flip, insert and delete bytes anywhere after the header (quotes,
        // delimiters, line breaks, invalid UTF-8 among them).
        let specials: [UInt8] = [0x22, 0x2C, 0x0A, 0x0D, 0xFF, 0xC3, 0x00, 0x3B]
        for _ in 0..<(1 + random.below(12)) {
            let at = Self.header.utf8.count + random.below(bytes.count - Self.header.utf8.count)
            switch random.below(3) {
            case 0: bytes[at] = specials[random.below(specials.count)]
            case 1: bytes.insert(specials[random.below(specials.count)], at: at)
            default: bytes.remove(at: at)
            }
        }
        let whole = try readAll(bytes, chunk: .max)
        let chunked = try readAll(bytes, chunk: 1 + random.below(17))
        #expect(whole.accounts == chunked.accounts && whole.rejects == chunked.rejects)
        #expect(whole.accounts + whole.rejects >= 1)
        // No line can hold more than one record's worth of accounts.
        #expect(whole.accounts <= lines)
    }

    @Test(arguments: 1...20)
    func randomBytesAfterAHeaderNeverCrash(seed: Int) throws {
        var random = Random(state: UInt64(seed) &* 0xD1B5_4A32_D192_ED03 | 1)
        var bytes = Array(Self.header.utf8)
        for _ in 0..<(random.below(4000)) { bytes.append(UInt8(truncatingIfNeeded: random.next())) }
        _ = try readAll(bytes, chunk: 1 + random.below(64))
    }
}
