import MailModel

/// Writes JSON Lines: one JSON object per account and line, keyed by
/// canonical field names, with JSON types: numbers for ports (a raw value the
/// source held stays a string), booleans, arrays for lists, an object for
/// extras, null for what is not set.
public final class JSONLinesWriter: AccountWriter {
    private let sink: ByteSink
    private let secrets: SecretPolicy
    private var buffer = TextBuffer()
    private var fieldBytes: [UInt8] = []

    public init(sink: ByteSink, secrets: SecretPolicy) {
        self.sink = sink
        self.secrets = secrets
    }

    public func write(_ account: MailAccount) throws(OutputError) {
        // One access to each stored buffer per account: Swift checks every
        // access to a class's stored property for exclusivity at run time.
        Self.appendRecord(of: account, secrets: secrets, scratch: &fieldBytes, to: &buffer)
        try buffer.drain(to: sink)
    }

    public func finish() throws(OutputError) { try sink.flush() }

    /// Each field's key as it is written, `"email":`, made once.
    private static let keys: [[UInt8]] = CanonicalField.ordered.map { field in
        var key = TextBuffer(capacity: 32)
        JSONText.append(string: field.name, to: &key)
        key.append(UInt8(ascii: ":"))
        return key.bytes
    }

    private static func appendRecord(
        of account: MailAccount, secrets: SecretPolicy, scratch: inout [UInt8], to buffer: inout TextBuffer
    ) {
        buffer.append(UInt8(ascii: "{"))
        for (index, field) in CanonicalField.ordered.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            buffer.bytes.append(contentsOf: keys[index])
            appendValue(of: field, in: account, secrets: secrets, scratch: &scratch, to: &buffer)
        }
        buffer.append("}\n")
    }

    private static func appendValue(
        of field: CanonicalField, in account: MailAccount, secrets: SecretPolicy, scratch: inout [UInt8],
        to buffer: inout TextBuffer
    ) {
        switch field.kind {
        case .text, .secret, .enumeration, .date:
            // Most fields: from the field's UTF-8, without a String. An
            // enumeration or a date not set is null, a text not set "".
            scratch.removeAll(keepingCapacity: true)
            secrets.appendText(of: field, in: account, to: &scratch)
            if scratch.isEmpty, field.kind != .text, field.kind != .secret {
                buffer.append("null")
            } else {
                scratch.withUnsafeBufferPointer { JSONText.append(utf8: $0, to: &buffer) }
            }
        case .boolean:
            buffer.append(field.text(in: account) == "true" ? "true" : "false")
        case .integer:
            let text = secrets.text(of: field, in: account)
            if text.isEmpty {
                buffer.append("null")
            } else if Int(text) != nil {
                buffer.append(text)
            } else {
                JSONText.append(string: text, to: &buffer)
            }
        case .list:
            buffer.append(UInt8(ascii: "["))
            for (index, item) in ListCodec.decode(field.text(in: account)).enumerated() {
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
        }
    }
}
