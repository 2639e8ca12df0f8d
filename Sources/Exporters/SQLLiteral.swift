/// MySQL/MariaDB literals as mysqldump writes them: strings in single quotes
/// with `\0 \n \r \Z \\ \' \"` escaped, so any text loads back unchanged
/// under the server's default SQL mode.
enum SQLLiteral {
    static func appendString(_ text: String, to out: inout TextBuffer) {
        out.append(UInt8(ascii: "'"))
        for byte in text.utf8 {
            switch byte {
            case 0: out.append("\\0")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x1A: out.append("\\Z")
            case UInt8(ascii: "\\"): out.append("\\\\")
            case UInt8(ascii: "'"): out.append("\\'")
            case UInt8(ascii: "\""): out.append("\\\"")
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "'"))
    }

    /// A number unquoted when it is one, else a quoted string; nil is NULL.
    static func append(_ value: String?, integer: Bool, to out: inout TextBuffer) {
        guard let value else {
            out.append("NULL")
            return
        }
        if integer, Int(value) != nil {
            out.append(value)
        } else {
            appendString(value, to: &out)
        }
    }

    /// `name` in backticks.
    static func identifier(_ name: String) -> String { "`" + name.replacing("`", with: "``") + "`" }
}
