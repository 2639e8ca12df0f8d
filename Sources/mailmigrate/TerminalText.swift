/// Text from the data (addresses, sources, servers' replies, messages that
/// quote a value) as a person's terminal should show it: each control
/// character as an escape (`\n`, `\t`, `\r`, `\u{1B}`). A line break from a
/// spreadsheet cell then cannot break a report's one line per finding, an
/// invisible character becomes visible, and an escape sequence in a file
/// cannot drive the terminal. JSON and XML outputs escape on their own.
enum TerminalText {
    static func visible(_ text: String) -> String {
        // 0xC2 leads U+0080–U+00BF in UTF-8, among them the C1 controls.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0..<0x20, 0x7F, 0x80...0x9F: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
