/// JSON string literals, escaped as RFC 8259 requires.
enum JSONText {
    static func append(string: String, to buffer: inout TextBuffer) {
        buffer.append(0x22)
        for byte in string.utf8 {
            switch byte {
            case 0x22: buffer.append("\\\"")
            case 0x5C: buffer.append("\\\\")
            case 0x0A: buffer.append("\\n")
            case 0x0D: buffer.append("\\r")
            case 0x09: buffer.append("\\t")
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                buffer.append("\\u00")
                buffer.append(hex[Int(byte >> 4)])
                buffer.append(hex[Int(byte & 0xF)])
            default: buffer.append(byte)
            }
        }
        buffer.append(0x22)
    }

    /// The string as a JSON string literal, quotes included.
    static func quoted(_ string: String) -> String {
        var buffer = TextBuffer(capacity: string.utf8.count + 2)
        append(string: string, to: &buffer)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }
}
