/// Text made safe inside HTML or XML, element content and quoted attributes
/// alike: the report, JUnit output and autoconfig files share it. A control
/// character XML 1.0 cannot hold at all (all below U+0020 but tab, line feed
/// and carriage return) becomes `?`, so the document stays well-formed.
/// (Account XML is written losslessly by `AccountXMLWriter` instead.)
public enum MarkupText {
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20: out += "?"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
