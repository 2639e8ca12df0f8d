import CLibXML
import Foundation

/// Reads an XML document node by node with libxml2's pull reader
/// (xmlTextReader) from a `ByteStream`, in flat memory whatever the size.
/// The same safety as `MarkupParser`: no network, no DTD loading, no entity
/// expansion; an entity reference of the document's own is refused.
final class XMLPullReader {
    enum Node: Equatable {
        case start(name: String, attributes: [String: String], isEmpty: Bool, line: Int)
        case end(name: String)
        case text(String)
    }

    private let path: String
    private let input: StreamInput
    private var reader: xmlTextReaderPtr?
    private let errors = ErrorBox()

    /// The stream and the callbacks' view of it.
    private final class StreamInput {
        let stream: ByteStream
        var failure: InputError?
        var atEnd = false
        init(_ stream: ByteStream) { self.stream = stream }
    }

    /// The first error libxml2 reported, with its line and column.
    final class ErrorBox {
        var message: String?
        var code = 0
        var line = 0
        var column = 0
    }

    init(stream: ByteStream, path: String, encoding: String? = nil) throws(InputError) {
        self.path = path
        input = StreamInput(stream)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let read: xmlInputReadCallback = { context, buffer, length in
            let input = Unmanaged<StreamInput>.fromOpaque(context!).takeUnretainedValue()
            do throws(InputError) {
                let n = try input.stream.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length)))
                if n == 0 { input.atEnd = true }
                return Int32(n)
            } catch {
                input.failure = error
                return -1
            }
        }
        reader = xmlReaderForIO(read, nil, Unmanaged.passUnretained(input).toOpaque(), path, encoding, options)
        guard let reader else { throw .invalidDocument(path: path, line: nil, column: nil, reason: "libxml2 could not start") }
        let handler: xmlStructuredErrorFunc = { context, error in
            guard let context, let error else { return }
            let box = Unmanaged<ErrorBox>.fromOpaque(context).takeUnretainedValue()
            guard box.message == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            box.message = error.pointee.message.map {
                String(cString: $0).split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
            }
            box.code = Int(error.pointee.code)
            box.line = Int(error.pointee.line)
            box.column = Int(error.pointee.int2)
        }
        xmlTextReaderSetStructuredErrorHandler(reader, handler, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        if let reader { xmlFreeTextReader(reader) }
    }

    /// The line where the current node starts (the parser itself may be further on).
    var line: Int {
        guard let reader else { return 0 }
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = Int(xmlGetLineNo(node))
            if line > 0 { return line }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    /// What the reader stands on after `advance()`.
    enum Kind { case start, end, text }

    /// Moves to the next start tag, end tag or text; nil at the end of the
    /// document. The accessors below describe the node until the next call.
    func advance() throws(InputError) -> Kind? {
        guard let reader else { return nil }
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return nil }
            if status < 0 { throw failure() }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue): return .start
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): return .end
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue), Int32(XML_READER_TYPE_WHITESPACE.rawValue):
                return .text
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                throw InputError.invalidDocument(
                    path: path, line: line, column: nil,
                    reason: "the document uses an entity of its own (&\(MarkupParser.string(xmlTextReaderConstName(reader)));): refused, entities are not expanded")
            default:
                continue
            }
        }
    }

    /// The node's local name, interned by libxml2: the same name gives the
    /// same pointer for the reader's whole life, so callers can cache by it.
    var namePointer: UnsafePointer<xmlChar>? { reader.flatMap { xmlTextReaderConstLocalName($0) } }

    var name: String { MarkupParser.string(namePointer) }

    /// The text of a text node, as UTF-8 bytes valid until the next `advance()`.
    var valueBytes: UnsafeBufferPointer<UInt8> {
        guard let reader, let value = xmlTextReaderConstValue(reader) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: value, count: strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self)))
    }

    var isEmptyElement: Bool { reader.map { xmlTextReaderIsEmptyElement($0) == 1 } ?? false }

    /// The attributes of a start tag.
    func attributes() -> [String: String] {
        guard let reader, xmlTextReaderHasAttributes(reader) == 1 else { return [:] }
        var attributes: [String: String] = [:]
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            attributes[MarkupParser.string(xmlTextReaderConstName(reader))] = MarkupParser.string(xmlTextReaderConstValue(reader))
        }
        xmlTextReaderMoveToElement(reader)
        return attributes
    }

    /// The next start tag, end tag or text, or nil at the end of the document.
    func next() throws(InputError) -> Node? {
        switch try advance() {
        case nil: return nil
        case .start?: return .start(name: name, attributes: attributes(), isEmpty: isEmptyElement, line: line)
        case .end?: return .end(name: name)
        case .text?: return .text(String(decoding: valueBytes, as: UTF8.self))
        }
    }

    private func failure() -> InputError {
        if let failure = input.failure { return failure }
        if errors.code == Int(XML_ERR_ENTITY_LOOP.rawValue) {
            // libxml2 places this error inside the entity's own text (line 1
            // of it); the reference that set it off is where the parser stands.
            return .invalidDocument(
                path: path, line: Int(xmlTextReaderGetParserLineNumber(reader!)), column: nil,
                reason: "the document's own entities expand into one another too far (an entity bomb): refused, entities are not expanded")
        }
        var reason = errors.message ?? "not well-formed XML"
        if input.atEnd, let line = errors.line > 0 ? errors.line : nil, line >= Int(xmlTextReaderGetParserLineNumber(reader!)) {
            reason += " (the file ends here: cut off?)"
        }
        return .invalidDocument(
            path: path, line: errors.line > 0 ? errors.line : nil, column: errors.column > 0 ? errors.column : nil,
            reason: reason)
    }
}
