extension String {
    /// The string lower-cased for comparing identifiers (addresses, host
    /// names, login names). Plain ASCII, the usual case, is folded without
    /// the full Unicode machinery, and returned as is when already lower-case.
    public func foldedForComparison() -> String {
        var hasUpper = false
        for byte in utf8 {
            if byte >= 0x80 { return lowercased() }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        guard hasUpper else { return self }
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var i = 0
            for byte in utf8 {
                buffer[i] = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
                i += 1
            }
            return i
        }
    }
}
