/// A 64-bit hash that is the same in every process and on every run (unlike
/// Swift's `Hasher`, which is seeded per process). The store keeps it on disk
/// to find accounts by natural key and to tell changed from unchanged. It
/// mixes eight bytes at a time (multiply, xor-shift), which keeps hashing a
/// whole account well under a microsecond.
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: $0) }
    }

    mutating func add(bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { add(bytes: $0) }
    }

    /// The integers' bytes in memory order (little-endian on every platform Swift runs this on).
    mutating func add(bytes: UnsafeBufferPointer<Int32>) {
        add(bytes: UnsafeRawBufferPointer(bytes).bindMemory(to: UInt8.self))
    }

    mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
        var h = value
        var remaining = bytes.count
        if var p = bytes.baseAddress {
            while remaining >= 8 {
                h = mix(h ^ UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
                p += 8
                remaining -= 8
            }
            var tail: UInt64 = 0
            for k in 0..<remaining { tail |= UInt64(p[k]) << (8 * UInt64(k)) }
            h = mix(h ^ tail)
        }
        // The length, so that ("ab","c") and ("a","bc") differ.
        value = mix(h ^ UInt64(bytes.count))
    }

    private func mix(_ x: UInt64) -> UInt64 {
        let y = x &* Self.multiplier
        return y ^ (y >> 29)
    }

    /// The hash as SQLite's signed 64-bit integer.
    var int64: Int64 { Int64(bitPattern: value) }
}
