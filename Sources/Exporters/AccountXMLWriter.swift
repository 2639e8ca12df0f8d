import Foundation
import MailModel

/// Writes mailmigrate's own account XML (see `AccountXMLReader` for the
/// shape): one element per canonical field that has a value, lists as
/// `<item>`s, extras as `<extra name="…">`. Text is escaped for XML 1.0;
/// a value with characters XML 1.0 cannot hold at all (control characters)
/// is written base64 with `encoding="base64"`, so every value comes back.
public final class AccountXMLWriter: AccountWriter {
    private let sink: ByteSink
    private let secrets: SecretPolicy
    private var buffer = TextBuffer()
    private var headerWritten = false

    public init(sink: ByteSink, secrets: SecretPolicy) {
        self.sink = sink
        self.secrets = secrets
    }

    public func write(_ account: MailAccount) throws(OutputError) {
        if !headerWritten { writeHeader() }
        // One access to the stored buffer per account: Swift checks every
        // access to a class's stored property for exclusivity at run time.
        Self.appendRecord(of: account, secrets: secrets, to: &buffer)
        try buffer.drain(to: sink)
    }

    private static func appendRecord(of account: MailAccount, secrets: SecretPolicy, to buffer: inout TextBuffer) {
        buffer.append("  <account>\n")
        for field in CanonicalField.ordered {
            switch field.kind {
            case .list:
                let items = ListCodec.decode(field.text(in: account))
                guard !items.isEmpty else { continue }
                buffer.append("    <\(field.name)>")
                for item in items { element("item", item, to: &buffer) }
                buffer.append("</\(field.name)>\n")
            case .map:
                let extras = secrets.extras(of: account)
                guard !extras.isEmpty else { continue }
                buffer.append("    <extras>\n")
                for extra in extras {
                    buffer.append("      ")
                    element("extra", extra.value, name: extra.name, to: &buffer)
                    buffer.append("\n")
                }
                buffer.append("    </extras>\n")
            case .boolean:
                let text = field.text(in: account)
                guard text == "true" else { continue }
                buffer.append("    ")
                element(field.name, text, to: &buffer)
                buffer.append("\n")
            default:
                let text = secrets.text(of: field, in: account)
                guard !text.isEmpty else { continue }
                buffer.append("    ")
                element(field.name, text, to: &buffer)
                buffer.append("\n")
            }
        }
        buffer.append("  </account>\n")
    }

    public func finish() throws(OutputError) {
        if !headerWritten { writeHeader() }
        buffer.append("</accounts>\n")
        try buffer.drain(to: sink)
        try sink.flush()
    }

    private func writeHeader() {
        headerWritten = true
        buffer.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<accounts>\n")
    }

    private static func element(_ tag: String, _ text: String, name: String? = nil, to buffer: inout TextBuffer) {
        buffer.append("<\(tag)")
        if let name {
            buffer.append(" name=\"")
            escape(name, attribute: true, to: &buffer)
            buffer.append("\"")
        }
        if Self.needsBase64(text) {
            buffer.append(" encoding=\"base64\">")
            buffer.append(Data(text.utf8).base64EncodedString())
        } else {
            buffer.append(">")
            escape(text, attribute: false, to: &buffer)
        }
        buffer.append("</\(tag)>")
    }

    /// Characters XML 1.0 cannot hold even as references.
    static func needsBase64(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            (s.value < 0x20 && s.value != 0x09 && s.value != 0x0A && s.value != 0x0D) || s.value == 0xFFFE || s.value == 0xFFFF
        }
    }

    private static func escape(_ text: String, attribute: Bool, to buffer: inout TextBuffer) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): buffer.append("&amp;")
            case UInt8(ascii: "<"): buffer.append("&lt;")
            case UInt8(ascii: ">"): buffer.append("&gt;")
            case UInt8(ascii: "\"") where attribute: buffer.append("&quot;")
            case 0x0D: buffer.append("&#13;")  // would become \n otherwise
            case 0x09 where attribute: buffer.append("&#9;")
            case 0x0A where attribute: buffer.append("&#10;")
            default: buffer.append(byte)
            }
        }
    }
}
