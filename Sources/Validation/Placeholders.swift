#if canImport(Glibc)
import Glibc
#endif

/// The `{NAME}` placeholders a text uses, in order of appearance.
enum Placeholders {
    static let autoresponder: Set<String> = ["TICKET", "BETREFF"]
    static let signature: Set<String> = [
        "MITARBEITER", "MITARBEITER_TELEFON", "MITARBEITER_MOBIL", "MITARBEITER_EMAIL", "MITARBEITER_TELEFAX",
    ]

    /// Names of upper-case letters, digits and `_` between braces. Scanned as
    /// UTF-8 bytes: braces and name characters are ASCII, and signatures are
    /// long HTML texts checked for every account.
    static func names(in text: String) -> [String] {
        if let names = text.utf8.withContiguousStorageIfAvailable(names(in:)) { return names }
        return names(in: Array(text.utf8).withUnsafeBufferPointer { Array($0) }[...])
    }

    private static func names(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "{")), bytes.count) != nil else { return [] }
        var names: [String] = []
        var start = -1
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "{") {
                start = index + 1
            } else if start >= 0 {
                if byte == UInt8(ascii: "}") {
                    if start < index { names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                    start = -1
                } else if !isNameByte(byte) {
                    start = -1
                }
            }
        }
        return names
    }

    private static func names(in bytes: ArraySlice<UInt8>) -> [String] {
        bytes.withUnsafeBufferPointer { names(in: $0) }
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
            || b == UInt8(ascii: "_")
    }
}
