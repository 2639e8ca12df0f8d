import CLibXML
import Foundation

/// Parses XML and HTML through libxml2, safely: no network, no DTD loading,
/// no entity substitution. A document that uses entities of its own (the
/// billion-laughs attack, external entities pointing at local files) is
/// refused, so their content can never reach an account. Documents larger
/// than `sizeLimit` are refused before parsing.
///
/// Character set: a BOM, the XML declaration or an HTML `<meta charset>`
/// decides; with none, UTF-8 when the bytes are valid UTF-8, otherwise
/// Windows-1252 (German ERPs save pages that way).
public enum MarkupParser {
    /// The largest document read whole: 32 MiB (pages and autoconfig files
    /// are kilobytes; large XML is streamed by `XMLPullReader`).
    public static let sizeLimit = 32 << 20

    /// Parses an XML document.
    public static func xml(_ bytes: [UInt8], path: String) throws(InputError) -> MarkupNode {
        guard bytes.count <= sizeLimit else {
            throw .invalidDocument(path: path, line: nil, column: nil, reason: "larger than 32 MiB")
        }
        guard let context = xmlNewParserCtxt() else {
            throw .invalidDocument(path: path, line: nil, column: nil, reason: "libxml2 could not start")
        }
        defer { xmlFreeParserCtxt(context) }
        let encoding = DocumentEncoding.fallbackForXML(bytes)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                xmlCtxtReadMemory(context, $0, Int32(buffer.count), path, encoding, options)
            }
        }
        guard let document else { throw lastError(context, path: path, fallback: "not well-formed XML") }
        defer { xmlFreeDoc(document) }
        try refuseOwnEntities(document, path: path)
        guard let root = xmlDocGetRootElement(document) else {
            throw .invalidDocument(path: path, line: nil, column: nil, reason: "no root element")
        }
        return try node(root, path: path)
    }

    /// Parses an HTML page in libxml2's forgiving HTML mode; element and
    /// attribute names are lower-case.
    public static func html(_ bytes: [UInt8], path: String) throws(InputError) -> MarkupNode {
        guard bytes.count <= sizeLimit else {
            throw .invalidDocument(path: path, line: nil, column: nil, reason: "larger than 32 MiB")
        }
        let encoding = DocumentEncoding.forHTML(bytes)
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(buffer.count), path, encoding, options)
                }
            } ?? nil
        }
        guard let document else {
            throw .invalidDocument(path: path, line: nil, column: nil, reason: "not an HTML document (empty?)")
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw .invalidDocument(path: path, line: nil, column: nil, reason: "no HTML element")
        }
        return try node(root, path: path)
    }

    // MARK: libxml2 to Swift

    static func string(_ chars: UnsafePointer<xmlChar>?) -> String {
        guard let chars else { return "" }
        return String(cString: chars)
    }

    private static func node(_ element: xmlNodePtr, path: String) throws(InputError) -> MarkupNode {
        var result = MarkupNode(name: string(element.pointee.name), line: Int(xmlGetLineNo(element)))
        var attribute = element.pointee.properties
        while let a = attribute {
            let value = xmlNodeListGetString(element.pointee.doc, a.pointee.children, 1)
            let prefix = a.pointee.ns.map { string($0.pointee.prefix) } ?? ""
            result.attributes[prefix.isEmpty ? string(a.pointee.name) : prefix + ":" + string(a.pointee.name)] = string(value)
            mailmigrate_xmlFree(value)
            attribute = a.pointee.next
        }
        var child = element.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                result.children.append(try node(c, path: path))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                result.text += string(c.pointee.content)
            case XML_ENTITY_REF_NODE:
                throw .invalidDocument(
                    path: path, line: Int(xmlGetLineNo(c)), column: nil,
                    reason: "the document uses an entity of its own (&\(string(c.pointee.name));): refused, entities are not expanded")
            default:
                break
            }
            child = c.pointee.next
        }
        return result
    }

    /// A DTD that declares entities is refused outright: expanding them is
    /// how billion-laughs and external-entity attacks work.
    private static func refuseOwnEntities(_ document: xmlDocPtr, path: String) throws(InputError) {
        for subset in [document.pointee.intSubset, document.pointee.extSubset] {
            guard let subset, subset.pointee.entities != nil else { continue }
            _ = subset
            throw .invalidDocument(
                path: path, line: nil, column: nil,
                reason: "the document declares entities in a DTD: refused (entities are never expanded)")
        }
    }

    static func lastError(_ context: xmlParserCtxtPtr, path: String, fallback: String) -> InputError {
        guard let error = xmlCtxtGetLastError(context) else {
            return .invalidDocument(path: path, line: nil, column: nil, reason: fallback)
        }
        let message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? fallback
        let line = Int(error.pointee.line)
        let column = Int(error.pointee.int2)
        return .invalidDocument(path: path, line: line > 0 ? line : nil, column: column > 0 ? column : nil, reason: message)
    }
}
