/// A 64-bit FNV-1a hash that is the same in every process and on every run
/// (unlike Swift's `Hasher`, which is seeded per process). The store keeps it
/// on disk to find accounts by natural key and to tell changed from unchanged.
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var h = value
            for byte in bytes {
                h ^= UInt64(byte)
                h = h &* 0x0000_0100_0000_01b3
            }
            value = h
        }
        // A separator, so that ("ab","c") and ("a","bc") differ.
        value ^= 0x1f
        value = value &* 0x0000_0100_0000_01b3
    }

    /// The hash as SQLite's signed 64-bit integer.
    var int64: Int64 { Int64(bitPattern: value) }
}
