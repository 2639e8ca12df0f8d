import Foundation
import MailModel

/// Reads mailmigrate's own account XML (written by `export --to xml`):
///
///     <accounts>
///       <account>
///         <email>info@example.de</email>
///         <outgoing_bcc><item>archiv@example.de</item></outgoing_bcc>
///         <extras><extra name="Antwort">ja</extra></extras>
///       </account>
///     </accounts>
///
/// One element per canonical field (any order, absent = empty); lists as
/// `<item>`s; a value with characters XML 1.0 cannot hold is base64 with
/// `encoding="base64"`. An element of another name is kept as an extra.
/// Streamed with libxml2's pull reader: flat memory for any size. A document
/// that breaks off or is malformed keeps the accounts before the break; the
/// break is a reject with its line and column.
public final class AccountXMLReader: AccountReader {
    private let path: String
    private let stream: ByteStream
    private var xml: XMLPullReader?
    private var started = false
    private var finished = false

    private let encoding: String?

    /// `encoding`: the character set to assume when the document declares
    /// none (nil: UTF-8, libxml2's default).
    public init(stream: ByteStream, path: String? = nil, encoding: String? = nil) {
        self.stream = stream
        self.path = path ?? stream.name
        self.encoding = encoding
    }

    public func next() throws(InputError) -> ImportItem? {
        guard !finished else { return nil }
        do throws(InputError) {
            if xml == nil { xml = try XMLPullReader(stream: stream, path: path, encoding: encoding) }
            return try nextAccount(xml!)
        } catch {
            finished = true
            if case .invalidDocument(_, let line, _, _) = error {
                return .reject(Reject(source: SourceReference(file: path, line: line), reason: Self.reason(error) + "; the rest of the file cannot be read"))
            }
            throw error
        }
    }

    static func reason(_ error: InputError) -> String {
        if case let .invalidDocument(_, _, column, reason) = error {
            return column.map { "column \($0): \(reason)" } ?? reason
        }
        return error.description
    }

    private func nextAccount(_ xml: XMLPullReader) throws(InputError) -> ImportItem? {
        while let node = try xml.next() {
            guard case let .start(name, _, isEmpty, line) = node else { continue }
            if !started {
                started = true
                guard name == "accounts" else {
                    throw .invalidDocument(path: path, line: line, column: nil, reason: "not mailmigrate account XML (root element <\(name)>, expected <accounts>)")
                }
                if isEmpty { break }
                continue
            }
            guard name == "account" else {
                throw .invalidDocument(path: path, line: line, column: nil, reason: "<\(name)> where an <account> was expected")
            }
            return try readAccount(xml, line: line, isEmpty: isEmpty)
        }
        finished = true
        return nil
    }

    /// What an element name means inside an `<account>`, cached by libxml2's
    /// interned name pointer (no String per element).
    private enum Slot {
        case field(CanonicalField)
        case account
        case other(String)
    }

    private var slots: [UnsafePointer<UInt8>: Slot] = [:]
    private static let listFields = Set(CanonicalField.ordered.filter { $0.kind == .list })

    private func slot(_ xml: XMLPullReader) -> Slot {
        guard let pointer = xml.namePointer else { return .other("") }
        if let known = slots[pointer] { return known }
        let name = xml.name
        let slot: Slot = name == "account" ? .account : CanonicalField(rawValue: name).map { .field($0) } ?? .other(name)
        slots[pointer] = slot
        return slot
    }

    private func readAccount(_ xml: XMLPullReader, line: Int, isEmpty: Bool) throws(InputError) -> ImportItem {
        let source = SourceReference(file: path, line: line)
        var account = MailAccount()
        var problem: String?
        guard !isEmpty else { return .account(account, source) }
        var bytes: [UInt8] = []
        while let kind = try xml.advance() {
            switch kind {
            case .end:
                guard case .account = slot(xml) else { continue }
                if let problem { return .reject(Reject(source: source, reason: problem)) }
                if account.identity.origin.isEmpty { account.identity.origin = source.description }
                return .account(account, source)
            case .start:
                let name = slot(xml)
                let empty = xml.isEmptyElement
                let fieldLine = xml.line
                switch name {
                case .field(let field) where Self.listFields.contains(field):
                    let items = try children(xml, of: field.name, empty: empty, child: "item")
                    assign(ListCodec.encode(items.map(\.text)), to: field, in: &account, problem: &problem)
                case .field(let field) where field == .extras:
                    for extra in try children(xml, of: field.name, empty: empty, child: "extra") {
                        account.extras.append(ExtraField(name: extra.attributes["name"] ?? "", value: extra.text))
                    }
                case .field(let field):
                    let attributes = xml.attributes()
                    bytes.removeAll(keepingCapacity: true)
                    if !empty { try collectText(xml, into: &bytes, element: field.name) }
                    if attributes.isEmpty {
                        bytes.withUnsafeBufferPointer { utf8 in
                            // libxml2 hands on UTF-8 only; `assign(utf8:)` takes checked bytes alone.
                            guard UTF8Validation.isValid(utf8) else {
                                if problem == nil { problem = "line \(fieldLine): <\(field.name)> is not valid UTF-8" }
                                return
                            }
                            do throws(FieldValueError) {
                                try field.assign(utf8: utf8, to: &account)
                            } catch {
                                if problem == nil { problem = field.kind == .secret ? "\(field.name): not a valid value" : error.description }
                            }
                        }
                    } else if let value = decoded(String(decoding: bytes, as: UTF8.self), attributes) {
                        assign(value, to: field, in: &account, problem: &problem)
                    } else if problem == nil {
                        problem = "line \(fieldLine): <\(field.name)> is not valid base64"
                    }
                case .other(let other):
                    let attributes = xml.attributes()
                    bytes.removeAll(keepingCapacity: true)
                    if !empty { try collectText(xml, into: &bytes, element: other) }
                    let text = String(decoding: bytes, as: UTF8.self)
                    account.extras.append(ExtraField(name: other, value: decoded(text, attributes) ?? text))
                case .account:
                    throw .invalidDocument(path: path, line: fieldLine, column: nil, reason: "<account> inside an <account>")
                }
            case .text:
                continue
            }
        }
        throw .invalidDocument(path: path, line: line, column: nil, reason: "the document ends inside an <account>")
    }

    /// The text of the current element up to its end tag, as bytes.
    private func collectText(_ xml: XMLPullReader, into bytes: inout [UInt8], element: @autoclosure () -> String) throws(InputError) {
        while let kind = try xml.advance() {
            switch kind {
            case .text: bytes.append(contentsOf: xml.valueBytes)
            case .end: return
            case .start:
                throw .invalidDocument(path: path, line: xml.line, column: nil, reason: "<\(xml.name)> inside the field <\(element())>")
            }
        }
    }

    private func assign(_ text: String, to field: CanonicalField, in account: inout MailAccount, problem: inout String?) {
        do throws(FieldValueError) {
            try field.assign(text, to: &account)
        } catch {
            if problem == nil {
                problem = field.kind == .secret ? "\(field.name): not a valid value" : error.description
            }
        }
    }

    private func decoded(_ text: String, _ attributes: [String: String]) -> String? {
        guard attributes["encoding"] == "base64" else { return text }
        return Data(base64Encoded: text).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// The text up to the end tag of `name`.
    private func text(_ xml: XMLPullReader, until name: String) throws(InputError) -> String {
        var text = ""
        while let node = try xml.next() {
            switch node {
            case .text(let t): text += t
            case .end(name): return text
            case .start(let inner, _, _, let line):
                throw .invalidDocument(path: path, line: line, column: nil, reason: "<\(inner)> inside the field <\(name)>")
            default: continue
            }
        }
        return text
    }

    /// The `<child>` elements of a list or extras element, with their text and attributes.
    private func children(_ xml: XMLPullReader, of name: String, empty: Bool, child: String) throws(InputError) -> [(text: String, attributes: [String: String])] {
        var out: [(text: String, attributes: [String: String])] = []
        guard !empty else { return out }
        while let node = try xml.next() {
            switch node {
            case .end(name): return out
            case let .start(inner, attributes, isEmpty, line):
                guard inner == child else {
                    throw .invalidDocument(path: path, line: line, column: nil, reason: "<\(inner)> inside <\(name)>, expected <\(child)>")
                }
                let text = isEmpty ? "" : try self.text(xml, until: child)
                out.append((decoded(text, attributes) ?? text, attributes))
            default: continue
            }
        }
        return out
    }
}
