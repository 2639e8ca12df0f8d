import MailModel

/// Writes canonical CSV: a header of canonical field names, then one RFC 4180
/// record per account, CRLF-free (LF line ends), UTF-8 without BOM. A field is
/// quoted when it holds the delimiter, a quote, a line break, or begins or
/// ends with a space.
public final class CanonicalCSVWriter: AccountWriter {
    private let sink: ByteSink
    private let secrets: SecretPolicy
    private let delimiter: UInt8
    private var buffer = TextBuffer()
    private var headerWritten = false

    public init(sink: ByteSink, secrets: SecretPolicy, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.sink = sink
        self.secrets = secrets
        self.delimiter = delimiter
    }

    public func write(_ account: MailAccount) throws(OutputError) {
        if !headerWritten { try writeHeader() }
        var first = true
        for field in CanonicalField.ordered {
            if !first { buffer.append(delimiter) }
            first = false
            appendField(secrets.text(of: field, in: account))
        }
        buffer.append(UInt8(ascii: "\n"))
        try buffer.drain(to: sink)
    }

    public func finish() throws(OutputError) {
        if !headerWritten { try writeHeader() }
        try sink.flush()
    }

    private func writeHeader() throws(OutputError) {
        headerWritten = true
        var first = true
        for field in CanonicalField.ordered {
            if !first { buffer.append(delimiter) }
            first = false
            buffer.append(field.name)
        }
        buffer.append(UInt8(ascii: "\n"))
        try buffer.drain(to: sink)
    }

    private func appendField(_ text: String) {
        var needsQuotes = false
        for byte in text.utf8 where byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        if let first = text.utf8.first, let last = text.utf8.last, first == 0x20 || last == 0x20 {
            needsQuotes = true
        }
        guard needsQuotes else {
            buffer.append(text)
            return
        }
        buffer.append(0x22)
        for byte in text.utf8 {
            if byte == 0x22 { buffer.append(0x22) }
            buffer.append(byte)
        }
        buffer.append(0x22)
    }
}
