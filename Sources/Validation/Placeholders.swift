#if canImport(Glibc)
import Glibc
#endif

/// The `{NAME}` placeholders the systems fill in, and the unknown ones a text
/// uses, in order of appearance.
enum Placeholders {
    /// The names each kind of text may use, each between bars. Static
    /// strings live in the binary and are never reference-counted: the two
    /// threads that validate a run's accounts then do not contend for an
    /// array's count on every text they check.
    private static let autoresponder: StaticString = "|TICKET|BETREFF|"
    private static let signature: StaticString =
        "|MITARBEITER|MITARBEITER_TELEFON|MITARBEITER_MOBIL|MITARBEITER_EMAIL|MITARBEITER_TELEFAX|"

    /// The placeholders in `text` that are not in `known` (a String is made
    /// only for those: a known name is compared as bytes).
    static func unknownNames(in text: String, forSignature: Bool) -> [String] {
        var text = text
        let known = forSignature ? signature : autoresponder
        return text.withUTF8 { bytes in
            names(in: bytes, keepingUnknown: UnsafeBufferPointer(start: known.utf8Start, count: known.utf8CodeUnitCount))
        }
    }

    /// Names of upper-case letters, digits and `_` between braces that are
    /// not in `known`. Scanned as UTF-8 bytes: braces and name characters are
    /// ASCII, and signatures are long HTML texts checked for every account.
    private static func names(in bytes: UnsafeBufferPointer<UInt8>, keepingUnknown known: UnsafeBufferPointer<UInt8>) -> [String] {
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
                if !isKnown(name, known) { names.append(String(decoding: name, as: UTF8.self)) }
            }
            index = end > open ? end : open
        }
        return names
    }

    /// Whether `name` stands between two bars in `known`.
    private static func isKnown(_ name: UnsafeBufferPointer<UInt8>, _ known: UnsafeBufferPointer<UInt8>) -> Bool {
        let bar = UInt8(ascii: "|")
        var start = 0
        while start + name.count + 1 < known.count {
            if known[start] == bar && known[start + name.count + 1] == bar
                && memcmp(known.baseAddress! + start + 1, name.baseAddress!, name.count) == 0 {
                return true
            }
            start += 1
        }
        return false
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
            || b == UInt8(ascii: "_")
    }
}
