/// Windows-1252, the character set of German Excel exports and of MySQL's
/// `latin1`: ISO-8859-1 with 27 typographic characters (€, „, “, –, …) in
/// place of most control characters at 0x80–0x9F. Readers decode with it; the
/// `double-encoded-text` rule encodes with it, to undo one decoding too many.
public enum Windows1252 {
    /// The characters of 0x80–0x9F; 0 where Windows-1252 defines nothing
    /// (0x81, 0x8D, 0x8F, 0x90, 0x9D).
    public static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The byte that stands for `scalar`, as MySQL's latin1 writes it: the
    /// 27 characters at their places, the five undefined places as the
    /// ISO-8859-1 control characters MySQL reads them as, and every other
    /// character up to U+00FF as itself. Nil for anything else.
    public static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x80 || (0xA0...0xFF).contains(value) { return UInt8(value) }
        if (0x80...0x9F).contains(value) { return high[Int(value - 0x80)] == 0 ? UInt8(value) : nil }
        guard let index = high.firstIndex(of: value) else { return nil }
        return UInt8(0x80 + index)
    }
}
