/// Checks that bytes are well-formed UTF-8 (no overlong forms, no surrogates,
/// nothing above U+10FFFF), with a fast path for ASCII. Readers reject a
/// record whose bytes are not UTF-8 instead of silently replacing them.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var p = bytes.baseAddress else { return true }
        let end = p + bytes.count
        while p < end {
            // ASCII 32 bytes at a time, then eight.
            while end - p >= 32 {
                let r = UnsafeRawPointer(p)
                let words = r.loadUnaligned(as: UInt64.self) | r.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    | r.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | r.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                if words & 0x8080_8080_8080_8080 != 0 { break }
                p += 32
            }
            while end - p >= 8 {
                let word = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                p += 8
            }
            guard p < end else { return true }
            let b0 = p.pointee
            if b0 < 0x80 {
                p += 1
                continue
            }
            guard let (length, lower, upper) = sequence(startingWith: b0) else { return false }
            guard end - p >= length else { return false }
            guard p[1] >= lower && p[1] <= upper else { return false }
            for k in 2..<max(2, length) where p[k] & 0xC0 != 0x80 { return false }
            p += length
        }
        return true
    }

    /// The length of the sequence a lead byte beyond ASCII starts, and the
    /// range its second byte must be in (which rules out overlong forms,
    /// surrogates and what lies above U+10FFFF); nil for a byte no sequence
    /// starts with.
    @inline(__always)
    static func sequence(startingWith lead: UInt8) -> (length: Int, lower: UInt8, upper: UInt8)? {
        switch lead {
        case 0xC2...0xDF: (2, 0x80, 0xBF)
        case 0xE0: (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
        case 0xED: (3, 0x80, 0x9F)
        case 0xF0: (4, 0x90, 0xBF)
        case 0xF1...0xF3: (4, 0x80, 0xBF)
        case 0xF4: (4, 0x80, 0x8F)
        default: nil
        }
    }

    /// How many sequences beyond ASCII in `bytes` are UTF-8 and how many bytes
    /// beyond ASCII start none: what tells a UTF-8 file with a stray
    /// Windows-1252 line from a Windows-1252 file.
    static func census(_ bytes: UnsafeBufferPointer<UInt8>) -> (sequences: Int, strays: Int) {
        var sequences = 0
        var strays = 0
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            if let (length, lower, upper) = sequence(startingWith: lead), bytes.count - i >= length,
                bytes[i + 1] >= lower && bytes[i + 1] <= upper,
                (2..<max(2, length)).allSatisfy({ bytes[i + $0] & 0xC0 == 0x80 })
            {
                sequences += 1
                i += length
            } else {
                strays += 1
                i += 1
            }
        }
        return (sequences, strays)
    }
}
