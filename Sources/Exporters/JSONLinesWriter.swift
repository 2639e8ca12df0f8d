import MailModel

/// Writes JSON Lines: one JSON object per account and line, keyed by
/// canonical field names, with JSON types: numbers for ports (a raw value the
/// source held stays a string), booleans, arrays for lists, an object for
/// extras, null for what is not set.
public final class JSONLinesWriter: AccountWriter {
    private let sink: ByteSink
    private let secrets: SecretPolicy
    private var buffer = TextBuffer()

    public init(sink: ByteSink, secrets: SecretPolicy) {
        self.sink = sink
        self.secrets = secrets
    }

    public func write(_ account: MailAccount) throws(OutputError) {
        // One access to the stored buffer per account: Swift checks every
        // access to a class's stored property for exclusivity at run time.
        Self.appendRecord(of: account, secrets: secrets, to: &buffer)
        try buffer.drain(to: sink)
    }

    public func finish() throws(OutputError) { try sink.flush() }

    private static func appendRecord(of account: MailAccount, secrets: SecretPolicy, to buffer: inout TextBuffer) {
        buffer.append(UInt8(ascii: "{"))
        var first = true
        for field in CanonicalField.ordered {
            if !first { buffer.append(UInt8(ascii: ",")) }
            first = false
            JSONText.append(string: field.name, to: &buffer)
            buffer.append(UInt8(ascii: ":"))
            appendValue(of: field, in: account, secrets: secrets, to: &buffer)
        }
        buffer.append("}\n")
    }

    private static func appendValue(
        of field: CanonicalField, in account: MailAccount, secrets: SecretPolicy, to buffer: inout TextBuffer
    ) {
        let text = secrets.text(of: field, in: account)
        switch field.kind {
        case .boolean:
            buffer.append(text == "true" ? "true" : "false")
        case .integer:
            if text.isEmpty {
                buffer.append("null")
            } else if Int(text) != nil {
                buffer.append(text)
            } else {
                JSONText.append(string: text, to: &buffer)
            }
        case .list:
            buffer.append(UInt8(ascii: "["))
            for (index, item) in ListCodec.decode(text).enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                JSONText.append(string: item, to: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        case .map:
            buffer.append(UInt8(ascii: "{"))
            for (index, extra) in secrets.extras(of: account).enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                JSONText.append(string: extra.name, to: &buffer)
                buffer.append(UInt8(ascii: ":"))
                JSONText.append(string: extra.value, to: &buffer)
            }
            buffer.append(UInt8(ascii: "}"))
        case .text, .secret:
            JSONText.append(string: text, to: &buffer)
        case .enumeration, .date:
            if text.isEmpty { buffer.append("null") } else { JSONText.append(string: text, to: &buffer) }
        }
    }
}
