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
        // One access to each stored buffer per account: Swift checks every
        // access to a class's stored property for exclusivity at run time,
        // which cost more than the writing itself when done per field.
        Self.appendRecord(of: account, secrets: secrets, delimiter: delimiter, scratch: &fieldBytes, to: &buffer)
        try buffer.drain(to: sink)
    }

    /// An account's record; each field's text goes through `scratch` to be quoted.
    private static func appendRecord(
        of account: MailAccount, secrets: SecretPolicy, delimiter: UInt8, scratch: inout TextBuffer,
        to record: inout TextBuffer
    ) {
        var first = true
        for field in CanonicalField.ordered {
            if !first { record.append(delimiter) }
            first = false
            scratch.bytes.removeAll(keepingCapacity: true)
            secrets.appendText(of: field, in: account, to: &scratch.bytes)
            CSVField.append(scratch.bytes, delimiter: delimiter, to: &record.bytes)
        }
        record.append(UInt8(ascii: "\n"))
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
}
