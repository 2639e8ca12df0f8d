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
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return false
            }
            guard end - p >= length else { return false }
            guard p[1] >= lower && p[1] <= upper else { return false }
            for k in 2..<max(2, length) where p[k] & 0xC0 != 0x80 { return false }
            p += length
        }
        return true
    }
}
