/// JSON string literals, escaped as RFC 8259 requires.
enum JSONText {
    static func append(string: String, to buffer: inout TextBuffer) {
        if string.utf8.withContiguousStorageIfAvailable({ append(utf8: $0, to: &buffer) }) != nil { return }
        var copy = string
        copy.withUTF8 { append(utf8: $0, to: &buffer) }
    }

    /// `append(string:to:)` for UTF-8 bytes: the runs that need no escape
    /// are copied whole.
    static func append(utf8: UnsafeBufferPointer<UInt8>, to buffer: inout TextBuffer) {
        buffer.append(0x22)
        var run = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            buffer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
            run = index + 1
            switch byte {
            case 0x22: buffer.append("\\\"")
            case 0x5C: buffer.append("\\\\")
            case 0x0A: buffer.append("\\n")
            case 0x0D: buffer.append("\\r")
            case 0x09: buffer.append("\\t")
            default:
                let hex = Array("0123456789abcdef".utf8)
                buffer.append("\\u00")
                buffer.append(hex[Int(byte >> 4)])
                buffer.append(hex[Int(byte & 0xF)])
            }
        }
        buffer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        buffer.append(0x22)
    }

    /// The string as a JSON string literal, quotes included.
    static func quoted(_ string: String) -> String {
        var buffer = TextBuffer(capacity: string.utf8.count + 2)
        append(string: string, to: &buffer)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }
}
