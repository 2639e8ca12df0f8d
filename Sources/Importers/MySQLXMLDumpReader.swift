import MailModel
import Mappings

/// Reads `mysqldump --xml` output of an OpenXE database: the rows of
/// `<table_data name="emailbackup">` (`<row><field name="…">`, `xsi:nil` for
/// NULL) through `EmailbackupMapping`, and the default account from
/// `firmendaten`/`firmendaten_werte`, exactly as `OpenXEDumpReader` does for
/// SQL dumps.
///
/// mysqldump writes control characters and binary columns unescaped, so real
/// files are often not well-formed XML, and a parser that reads the whole
/// document stops at the first such byte. mysqldump puts every `<row>` and
/// `</row>` on a line of its own; this reader cuts the stream there and
/// gives each row to libxml2's pull reader (xmlTextReader) by itself, so a
/// broken row is one reject with its line and every other row still comes
/// through. Memory holds one row.
public final class MySQLXMLDumpReader: AccountReader {
    private let path: String
    private let lines: LineReader
    private let includeDeleted: Bool
    private var table: String?
    private var collector = OpenXERowCollector()
    private var finished = false

    public init(stream: ByteStream, path: String? = nil, includeDeleted: Bool = false) {
        self.path = path ?? stream.name
        lines = LineReader(stream: stream)
        self.includeDeleted = includeDeleted
    }

    public func next() throws(InputError) -> ImportItem? {
        while !finished {
            guard let (line, number) = try lines.next() else {
                finished = true
                return collector.defaultAccount(path: path)
            }
            let trimmed = Self.trimmed(line)
            if trimmed.starts(with: Array("<table_data".utf8)) {
                table = Self.attribute("name", in: trimmed)
            } else if trimmed.starts(with: Array("</table_data".utf8)) {
                table = nil
            } else if trimmed.starts(with: Array("<row".utf8)), let table, OpenXERowCollector.tables.contains(table) {
                var fragment = line
                var closed = trimmed.elementsEqual(Array("<row/>".utf8)) || trimmed.elementsEqual(Array("<row />".utf8))
                while !closed, let (more, _) = try lines.next() {
                    fragment += [0x0A] + more
                    closed = Self.trimmed(more).elementsEqual(Array("</row>".utf8))
                }
                if let item = row(fragment, table: table, line: number) { return item }
            }
        }
        return nil
    }

    private func row(_ fragment: [UInt8], table: String, line: Int) -> ImportItem? {
        let wrapped = Array("<r xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">".utf8) + fragment + Array("</r>".utf8)
        var names: [String] = []
        var values: [String?] = []
        do {
            // The row by itself through libxml2's pull reader (same safety as every XML here).
            let xml = try XMLPullReader(stream: BytesStream(wrapped, name: path), path: path)
            var current: (name: String, isNull: Bool, text: String)?
            while let node = try xml.next() {
                switch node {
                case let .start("field", attributes, isEmpty, _):
                    let field = (attributes["name"] ?? "", attributes["xsi:nil"] == "true", "")
                    if isEmpty {
                        names.append(field.0)
                        values.append(field.1 ? nil : "")
                    } else {
                        current = field
                    }
                case .text(let text):
                    current?.text += text
                case .end("field"):
                    if let field = current {
                        names.append(field.name)
                        values.append(field.isNull ? nil : field.text)
                    }
                    current = nil
                default:
                    continue
                }
            }
        } catch {
            var at = SourceReference(file: path, line: line, detail: table)
            var reason = "\(error)"
            if case let .invalidDocument(_, errorLine, column, message) = error {
                at.line = line + max(0, (errorLine ?? 1) - 1)
                reason = (column.map { "column \($0): " } ?? "") + message
            }
            return .reject(Reject(source: at, reason: "this row is not well-formed XML (\(reason)); the other rows are read"))
        }
        let id = OpenXERowCollector.id(names: names, values: values)
        let source = OpenXERowCollector.source(file: path, line: line, table: table, id: id)
        return collector.row(table: table, names: names, values: values, source: source, includeDeleted: includeDeleted)
    }

    private static func trimmed(_ line: [UInt8]) -> ArraySlice<UInt8> {
        var slice = line[...]
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 || last == 0x0D { slice = slice.dropLast() }
        return slice
    }

    /// `name="…"` of a start tag on one line.
    private static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: tag, as: UTF8.self)
        guard let start = text.range(of: "\(name)=\"") else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}

/// Bytes in memory as a stream (one row of the dump).
final class BytesStream: ByteStream {
    let name: String
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let n = min(buffer.count, bytes.count - offset)
        let start = offset
        bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[start..<(start + n)])) }
        offset += n
        return n
    }
}

/// Lines of a stream as bytes (without the line break), with their numbers.
final class LineReader {
    private let stream: ByteStream
    private var buffer: [UInt8] = []
    private var position = 0
    private var eof = false
    private var number = 0
    /// The longest line kept: mysqldump's lines are rows' fields; a longer one is cut.
    static let limit = 16 << 20

    init(stream: ByteStream) { self.stream = stream }

    func next() throws(InputError) -> (line: [UInt8], number: Int)? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                let line = Array(buffer[position..<newline])
                position = newline + 1
                number += 1
                return (line, number)
            }
            if eof || buffer.count - position > Self.limit {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                number += 1
                return (line, number)
            }
            buffer.removeFirst(position)
            position = 0
            let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
            defer { chunk.deallocate() }
            let n = try stream.read(into: chunk)
            if n == 0 { eof = true } else { buffer.append(contentsOf: chunk[0..<n]) }
        }
    }
}
