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
    private var fieldBytes: [UInt8] = []
    private var headerWritten = false

    public init(sink: ByteSink, secrets: SecretPolicy) {
        self.sink = sink
        self.secrets = secrets
    }

    public func write(_ account: MailAccount) throws(OutputError) {
        if !headerWritten { writeHeader() }
        // One access to the stored buffer per account: Swift checks every
        // access to a class's stored property for exclusivity at run time.
        Self.appendRecord(of: account, secrets: secrets, scratch: &fieldBytes, to: &buffer)
        try buffer.drain(to: sink)
    }

    /// Each field's element name as UTF-8, made once.
    private static let tags: [[UInt8]] = CanonicalField.ordered.map { Array($0.name.utf8) }

    private static func appendRecord(
        of account: MailAccount, secrets: SecretPolicy, scratch: inout [UInt8], to buffer: inout TextBuffer
    ) {
        buffer.append("  <account>\n")
        for (index, field) in CanonicalField.ordered.enumerated() {
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
                // Most fields: from the field's UTF-8, without a String.
                scratch.removeAll(keepingCapacity: true)
                secrets.appendText(of: field, in: account, to: &scratch)
                guard !scratch.isEmpty else { continue }
                buffer.append("    ")
                scratch.withUnsafeBufferPointer { text in
                    tags[index].withUnsafeBufferPointer { tag in element(tag: tag, text: text, name: nil, to: &buffer) }
                }
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
        var tag = tag
        var text = text
        tag.withUTF8 { tag in text.withUTF8 { text in element(tag: tag, text: text, name: name, to: &buffer) } }
    }

    private static func element(
        tag: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>, name: String?, to buffer: inout TextBuffer
    ) {
        buffer.append(UInt8(ascii: "<"))
        buffer.bytes.append(contentsOf: tag)
        if let name {
            buffer.append(" name=\"")
            var name = name
            name.withUTF8 { escape(utf8: $0, attribute: true, to: &buffer) }
            buffer.append("\"")
        }
        if needsBase64(utf8: text) {
            buffer.append(" encoding=\"base64\">")
            buffer.append(Data(text).base64EncodedString())
        } else {
            buffer.append(">")
            escape(utf8: text, attribute: false, to: &buffer)
        }
        buffer.append("</")
        buffer.bytes.append(contentsOf: tag)
        buffer.append(UInt8(ascii: ">"))
    }

    /// Characters XML 1.0 cannot hold even as references.
    static func needsBase64(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { needsBase64(utf8: $0) }
    }

    /// `needsBase64` on UTF-8: control characters other than tab, line
    /// feed and carriage return, and U+FFFE and U+FFFF (EF BF BE, EF BF BF).
    private static func needsBase64(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in utf8.indices {
            let byte = utf8[index]
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
            if byte == 0xEF, index + 2 < utf8.count, utf8[index + 1] == 0xBF, utf8[index + 2] >= 0xBE { return true }
        }
        return false
    }

    /// The text escaped for XML; the runs that need no escape are copied whole.
    private static func escape(utf8: UnsafeBufferPointer<UInt8>, attribute: Bool, to buffer: inout TextBuffer) {
        var run = 0
        for index in utf8.indices {
            let replacement: StaticString
            switch utf8[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\"") where attribute: replacement = "&quot;"
            case 0x0D: replacement = "&#13;"  // would become \n otherwise
            case 0x09 where attribute: replacement = "&#9;"
            case 0x0A where attribute: replacement = "&#10;"
            default: continue
            }
            buffer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
            buffer.bytes.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            run = index + 1
        }
        buffer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
    }
}
