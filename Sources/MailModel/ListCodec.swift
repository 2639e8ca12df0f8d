/// Writes lists and name=value maps into one text cell and reads them back,
/// so that a CSV cell can hold `anna;bernd` and items may still contain `;`.
public enum ListCodec {
    public static func encode(_ items: [String]) -> String {
        items.map { escape($0, alsoEquals: false) }.joined(separator: ";")
    }

    public static func decode(_ text: String) -> [String] {
        split(text, on: ";").map(unescape)
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
