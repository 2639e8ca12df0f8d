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
    private var fieldBytes = TextBuffer(capacity: 1024)
    private var headerWritten = false

    public init(sink: ByteSink, secrets: SecretPolicy, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.sink = sink
        self.secrets = secrets
        self.delimiter = delimiter
    }

    public func write(_ account: MailAccount) throws(OutputError) {
        if !headerWritten { try writeHeader() }
        // The record and each field's bytes are built in locals: a stored
        // property of a class is checked for exclusive access at every use,
        // which cost more than the writing itself.
        var record = TextBuffer(capacity: 0)
        swap(&record, &buffer)
        var field = TextBuffer(capacity: 0)
        swap(&field, &fieldBytes)
        defer {
            swap(&record, &buffer)
            swap(&field, &fieldBytes)
        }
        var first = true
        for name in CanonicalField.ordered {
            if !first { record.append(delimiter) }
            first = false
            field.bytes.removeAll(keepingCapacity: true)
            secrets.appendText(of: name, in: account, to: &field.bytes)
            Self.appendField(field.bytes, delimiter: delimiter, to: &record.bytes)
        }
        record.append(UInt8(ascii: "\n"))
        try record.drain(to: sink)
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

    /// One field, quoted when it must be.
    private static func appendField(_ text: [UInt8], delimiter: UInt8, to out: inout [UInt8]) {
        var needsQuotes = false
        for byte in text where byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        if let first = text.first, let last = text.last, first == 0x20 || last == 0x20 {
            needsQuotes = true
        }
        guard needsQuotes else {
            out.append(contentsOf: text)
            return
        }
        out.append(0x22)
        for byte in text {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }
}
