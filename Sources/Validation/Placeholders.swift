#if canImport(Glibc)
import Glibc
#endif

/// The `{NAME}` placeholders the systems fill in, and the unknown ones a text
/// uses, in order of appearance.
enum Placeholders {
    /// The placeholders in `text` that the system does not fill in for such
    /// a text (a String is made only for those: a known name is compared as bytes).
    static func unknownNames(in text: String, forSignature: Bool) -> [String] {
        var text = text
        return text.withUTF8 { names(in: $0, keepingUnknown: forSignature ? isSignatureName : isAutoresponderName) }
    }

    /// The names an autoresponder's subject and text may use. Compared with
    /// static strings, which live in the binary and are never
    /// reference-counted: a table in an array had both threads that validate
    /// a run's accounts count references to the same array for every text.
    private static func isAutoresponderName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.equals("TICKET") || name.equals("BETREFF")
    }

    /// The names a signature may use.
    private static func isSignatureName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.equals("MITARBEITER") || name.equals("MITARBEITER_TELEFON") || name.equals("MITARBEITER_MOBIL")
            || name.equals("MITARBEITER_EMAIL") || name.equals("MITARBEITER_TELEFAX")
    }

    /// Names of upper-case letters, digits and `_` between braces for which
    /// `isKnown` is false. Scanned as UTF-8 bytes: braces and name characters are
    /// ASCII, and signatures are long HTML texts checked for every account.
    private static func names(in bytes: UnsafeBufferPointer<UInt8>, keepingUnknown isKnown: (UnsafeBufferPointer<UInt8>) -> Bool) -> [String] {
        guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "{")), bytes.count) != nil else { return [] }
        var names: [String] = []
        var index = 0
        // Jump from one "{" to the next; only the bytes after a "{" are looked at.
        while index < bytes.count, let hit = memchr(base + index, Int32(UInt8(ascii: "{")), bytes.count - index) {
            let open = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            var end = open
            while end < bytes.count && isNameByte(bytes[end]) { end += 1 }
            if end < bytes.count && bytes[end] == UInt8(ascii: "}") && end > open {
                let name = UnsafeBufferPointer(rebasing: bytes[open..<end])
                if !isKnown(name) { names.append(String(decoding: name, as: UTF8.self)) }
            }
            index = end > open ? end : open
        }
        return names
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
            || b == UInt8(ascii: "_")
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes are `text`'s UTF-8.
    fileprivate func equals(_ text: StaticString) -> Bool {
        count == text.utf8CodeUnitCount && (count == 0 || memcmp(baseAddress!, text.utf8Start, count) == 0)
    }
}
