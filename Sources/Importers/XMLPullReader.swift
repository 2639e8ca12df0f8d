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

    /// The next start tag, end tag or text, or nil at the end of the document.
    func next() throws(InputError) -> Node? {
        guard let reader else { return nil }
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return nil }
            if status < 0 { throw failure() }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let name = MarkupParser.string(xmlTextReaderConstLocalName(reader))
                var attributes: [String: String] = [:]
                if xmlTextReaderHasAttributes(reader) == 1 {
                    while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                        attributes[MarkupParser.string(xmlTextReaderConstName(reader))] = MarkupParser.string(xmlTextReaderConstValue(reader))
                    }
                    xmlTextReaderMoveToElement(reader)
                }
                return .start(name: name, attributes: attributes, isEmpty: xmlTextReaderIsEmptyElement(reader) == 1, line: line)
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end(name: MarkupParser.string(xmlTextReaderConstLocalName(reader)))
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue), Int32(XML_READER_TYPE_WHITESPACE.rawValue):
                return .text(MarkupParser.string(xmlTextReaderConstValue(reader)))
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                throw InputError.invalidDocument(
                    path: path, line: line, column: nil,
                    reason: "the document uses an entity of its own (&\(MarkupParser.string(xmlTextReaderConstName(reader)));): refused, entities are not expanded")
            default:
                continue
            }
        }
    }

    private func failure() -> InputError {
        if let failure = input.failure { return failure }
        var reason = errors.message ?? "not well-formed XML"
        if input.atEnd, let line = errors.line > 0 ? errors.line : nil, line >= Int(xmlTextReaderGetParserLineNumber(reader!)) {
            reason += " (the file ends here: cut off?)"
        }
        return .invalidDocument(
            path: path, line: errors.line > 0 ? errors.line : nil, column: errors.column > 0 ? errors.column : nil,
            reason: reason)
    }
}
