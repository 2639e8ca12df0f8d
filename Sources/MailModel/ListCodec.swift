/// Writes lists and name=value maps into one text cell and reads them back,
/// so that a CSV cell can hold `anna;bernd` and items may still contain `;`.
public enum ListCodec {
    public static func encode(_ items: [String]) -> String {
        items.map { escape($0, alsoEquals: false) }.joined(separator: ";")
    }

    public static func decode(_ text: String) -> [String] {
        split(text, on: ";").map(unescape)
    }

    /// `encode(items)` appended as UTF-8, without making the String. An item
    /// without a `\` or `;` byte is copied as it is: escaping leaves it so.
    public static func append(_ items: [String], to out: inout [UInt8]) { write(items, to: &out) }

    /// `append(_:to:)` into any sink the field table writes to.
    static func write<Out: UTF8Sink>(_ items: [String], to out: inout Out) {
        for (index, item) in items.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ";")) }
            appendEscaped(item, alsoEquals: false, to: &out)
        }
    }

    /// `encode(fields)` appended as UTF-8 (see `append(_:to:)` for items).
    public static func append(_ fields: [ExtraField], to out: inout [UInt8]) { write(fields, to: &out) }

    /// `append(_:to:)` into any sink the field table writes to.
    static func write<Out: UTF8Sink>(_ fields: [ExtraField], to out: inout Out) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ";")) }
            appendEscaped(field.name, alsoEquals: true, to: &out)
            out.append(UInt8(ascii: "="))
            appendEscaped(field.value, alsoEquals: false, to: &out)
        }
    }

    /// `decode` of a text's UTF-8. Split byte by byte when that is sure to
    /// cut where `decode` does: no `\` at all, and every `;` between two
    /// ASCII bytes (or an end), so that no `;` is part of a longer character
    /// (a `;` followed by a combining accent is one, and is not a separator).
    public static func decode(utf8 text: UnsafeBufferPointer<UInt8>) -> [String] {
        guard !text.isEmpty else { return [] }
        var plain = true
        for (index, byte) in text.enumerated() {
            if byte == UInt8(ascii: "\\") {
                plain = false
                break
            }
            if byte == UInt8(ascii: ";"),
                (index > 0 && text[index - 1] >= 0x80) || (index + 1 < text.count && text[index + 1] >= 0x80)
            {
                plain = false
                break
            }
        }
        guard plain else { return decode(String(decoding: text, as: UTF8.self)) }
        var items: [String] = []
        var start = 0
        for end in 0...text.count where end == text.count || text[end] == UInt8(ascii: ";") {
            items.append(String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self))
            start = end + 1
        }
        return items
    }

    private static func appendEscaped<Out: UTF8Sink>(_ text: String, alsoEquals: Bool, to out: inout Out) {
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes
            where byte == UInt8(ascii: "\\") || byte == UInt8(ascii: ";") || (alsoEquals && byte == UInt8(ascii: "=")) {
                return false
            }
            out.append(contentsOf: bytes)
            return true
        }
        if copied != true {
            var escaped = escape(text, alsoEquals: alsoEquals)
            escaped.withUTF8 { out.append(contentsOf: $0) }
        }
    }

    public static func encode(_ fields: [ExtraField]) -> String {
        fields.map { escape($0.name, alsoEquals: true) + "=" + escape($0.value, alsoEquals: false) }
            .joined(separator: ";")
    }

    /// Nil when an item has no unescaped `=`.
    public static func decodeMap(_ text: String) -> [ExtraField]? {
        var result: [ExtraField] = []
        for item in split(text, on: ";") {
            let pair = split(item, on: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            result.append(ExtraField(name: unescape(pair[0]), value: unescape(pair[1])))
        }
        return result
    }

    private static func escape(_ s: String, alsoEquals: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s {
            if c == "\\" || c == ";" || (alsoEquals && c == "=") { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// Splits at unescaped separators, keeping escapes for `unescape`.
    private static func split(_ s: String, on separator: Character, maxSplits: Int = .max) -> [String] {
        if s.isEmpty { return [] }
        var parts: [String] = []
        var current = ""
        var escaped = false
        for c in s {
            if escaped {
                current.append(c)
                escaped = false
            } else if c == "\\" {
                current.append(c)
                escaped = true
            } else if c == separator && parts.count < maxSplits {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        return parts
    }

    private static func unescape(_ s: String) -> String {
        guard s.contains("\\") else { return s }
        var out = ""
        var escaped = false
        for c in s {
            if escaped || c != "\\" {
                out.append(c)
                escaped = false
            } else {
                escaped = true
            }
        }
        return out
    }
}
