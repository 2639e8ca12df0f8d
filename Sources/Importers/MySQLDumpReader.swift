#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads MySQL/MariaDB dump files (mysqldump output) as a stream of the
/// things a migration needs: the column names of each `CREATE TABLE`, and the
/// rows of `INSERT`/`REPLACE` statements, one row at a time, for the tables
/// asked for. Everything else (SET, LOCK, DROP, conditional comments, other
/// tables' data, DELIMITER blocks of triggers and procedures) is skipped
/// without being parsed into values.
///
/// The file is bytes: strings stay bytes with their escapes resolved, so binary
/// columns of other tables never need to be valid text. Memory holds one
/// value at a time, not a statement's rows.
public final class MySQLDumpReader {
    public enum Event: Sendable, Equatable {
        /// `CREATE TABLE` of a table asked for, with its columns in order.
        case table(name: String, columns: [String], line: Int)
        /// One row of an `INSERT`; `columns` is the statement's column list, if it has one.
        case row(table: String, columns: [String]?, values: [SQLValue], line: Int)
    }

    public let path: String
    private let tables: Set<String>
    private let input: DumpInput
    private var delimiter: [UInt8] = [UInt8(ascii: ";")]
    /// Inside the VALUES of an INSERT of a wanted table.
    private var insert: (table: String, columns: [String]?)?

    /// Reads `stream`; rows and tables of other names than `tables` are skipped.
    public init(stream: ByteStream, tables: Set<String>) {
        path = stream.name
        self.tables = tables
        input = DumpInput(stream: stream)
    }

    /// Bytes of the dump read so far (uncompressed).
    public var bytesRead: Int { input.offset }

    /// The character set the dump's strings are in, lower-cased, from its
    /// last `SET NAMES` (mysqldump writes `/*!40101 SET NAMES utf8mb4 */`
    /// at the top, `latin1` with `--default-character-set=latin1`); nil
    /// before one.
    public private(set) var characterSet: String?

    /// The next table definition or row, or nil at the end of the dump.
    public func next() throws(DumpError) -> Event? {
        var unused = PackedDumpValues()
        switch try next(packing: nil, into: &unused) {
        case .event(let event): return event
        case .packedRow: preconditionFailure("no table is packed")
        case nil: return nil
        }
    }

    /// Reads to the end of the dump and returns how many rows of `table` it
    /// holds, their values read as an import reads them (packed into one
    /// buffer, emptied as it goes): the tokenizer alone, for the benchmark.
    public func countRows(of table: String) throws(DumpError) -> Int {
        var packed = PackedDumpValues(rows: 512, columns: 64, bytes: 1 << 20)
        var rows = 0
        while let step = try next(packing: table, into: &packed) {
            guard case .packedRow = step else { continue }
            rows += 1
            if packed.byteCount >= 1 << 20 { packed.removeValues(from: 0) }
        }
        return rows
    }

    /// What `next(packing:into:)` found.
    enum Step {
        case event(Event)
        /// A row of the packed table: its values are `values` of the buffer.
        case packedRow(table: String, columns: [String]?, values: Range<Int>, line: Int)
    }

    /// `next()`, but the rows of `packedTable` go into `packed` instead of
    /// becoming `SQLValue`s.
    func next(packing packedTable: String?, into packed: inout PackedDumpValues) throws(DumpError) -> Step? {
        while true {
            if let open = insert {
                if open.table == packedTable {
                    let first = packed.values.count
                    if let line = try nextTuple(of: open, into: &packed) {
                        return .packedRow(table: open.table, columns: open.columns, values: first..<packed.values.count, line: line)
                    }
                } else {
                    var row = SQLValueList(capacity: lastTupleWidth, scratch: scratch)
                    scratch = []
                    defer { swap(&scratch, &row.valueBytes) }
                    if let line = try nextTuple(of: open, into: &row) {
                        lastTupleWidth = row.values.count
                        return .event(.row(table: open.table, columns: open.columns, values: row.values, line: line))
                    }
                }
                insert = nil
                continue
            }
            try skipSpaceAndComments()
            guard try input.peek() != nil else { return nil }
            if try atDelimiter() {
                input.advance(delimiter.count)
                continue
            }
            let line = input.line
            guard let word = try readWord() else {
                let byte = try input.peek() ?? 0
                throw error("expected an SQL statement, found byte 0x\(String(byte, radix: 16, uppercase: true)) (not a dump?)")
            }
            switch word.uppercased() {
            case "DELIMITER":
                try readDelimiterCommand()
            case "INSERT", "REPLACE":
                try beginInsert()
            case "CREATE":
                if let table = try readCreateTable(line: line) { return .event(table) }
            case "SET":
                try readSetNames()
                try skipStatement()
            default:
                try skipStatement()
            }
        }
    }

    // MARK: Statements

    private func beginInsert() throws(DumpError) {
        var word = try nextWord()
        while let w = word?.uppercased(), ["LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "INTO"].contains(w) {
            word = try nextWord()
        }
        guard let table = word else { throw error("expected a table name after INSERT") }
        guard tables.contains(table) else {
            try skipStatement()
            return
        }
        try skipSpaceAndComments()
        var columns: [String]?
        if try input.peek() == UInt8(ascii: "(") {
            input.advance(1)
            var names: [String] = []
            while true {
                guard let name = try nextWord() else { throw error("expected a column name in the column list of \(table)") }
                names.append(name)
                try skipSpaceAndComments()
                let c = try input.peek()
                input.advance(1)
                if c == UInt8(ascii: ")") { break }
                guard c == UInt8(ascii: ",") else { throw error("expected ',' or ')' in the column list of \(table)") }
            }
            columns = names
        }
        guard let values = try nextWord(), ["VALUES", "VALUE"].contains(values.uppercased()) else {
            throw error("expected VALUES in the INSERT into \(table)")
        }
        insert = (table, columns)
    }

    /// Reads the next `( … )` of the open INSERT into `sink` and returns the
    /// line it starts on, or nil when the statement ended.
    private func nextTuple<Sink: DumpValueSink>(
        of open: (table: String, columns: [String]?), into sink: inout Sink
    ) throws(DumpError) -> Int? {
        try skipSpaceAndComments()
        guard let c = try input.peek() else { throw error("the dump ends inside the INSERT into \(open.table)") }
        if c == UInt8(ascii: ",") {
            input.advance(1)
            try skipSpaceAndComments()
        } else if try atDelimiter() {
            input.advance(delimiter.count)
            return nil
        }
        let line = input.line
        guard try input.peek() == UInt8(ascii: "(") else {
            throw error("expected '(' to start a row of \(open.table)")
        }
        input.advance(1)
        while true {
            try skipSpaceAndComments()
            try readValue(table: open.table, into: &sink)
            try skipSpaceAndComments()
            guard let next = try input.peek() else { throw error("the dump ends inside a row of \(open.table)") }
            input.advance(1)
            if next == UInt8(ascii: ")") { break }
            guard next == UInt8(ascii: ",") else {
                throw error("expected ',' or ')' after a value of \(open.table), found '\(Character(Unicode.Scalar(next)))'")
            }
        }
        return line
    }

    /// The buffer `SQLValueList` reads each value's bytes into, kept from row to row.
    private var scratch: [UInt8] = []

    /// The number of values in the last row read as `SQLValue`s: the next row's array is made that big at once.
    private var lastTupleWidth = 8

    /// Whether the input continues with the word NULL (any case), without making a String of it.
    private func isNull() throws(DumpError) -> Bool {
        for (index, letter) in "null".utf8.enumerated() {
            guard let b = try input.peek(index), b | 0x20 == letter else { return false }
        }
        guard let after = try input.peek(4) else { return true }
        return !(after == UInt8(ascii: "_") || (after | 0x20 >= UInt8(ascii: "a") && after | 0x20 <= UInt8(ascii: "z"))
            || (after >= 0x30 && after <= 0x39))
    }

    private func readValue<Sink: DumpValueSink>(table: String, into sink: inout Sink) throws(DumpError) {
        guard let c = try input.peek() else { throw error("the dump ends where a value of \(table) was expected") }
        sink.beginValue()
        if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
            try readString(into: &sink.valueBytes, keep: true)
            return sink.endValue(.text)
        }
        if c == UInt8(ascii: "0"), let x = try input.peek(1), x | 0x20 == UInt8(ascii: "x") {
            input.advance(2)
            try readHexDigits(until: nil, into: &sink.valueBytes)
            return sink.endValue(.hex)
        }
        if (c | 0x20) == UInt8(ascii: "x"), try input.peek(1) == UInt8(ascii: "'") {
            input.advance(2)
            try readHexDigits(until: UInt8(ascii: "'"), into: &sink.valueBytes)
            return sink.endValue(.hex)
        }
        if c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: ".") || (c >= 0x30 && c <= 0x39) {
            try readNumber(into: &sink.valueBytes)
            return sink.endValue(.number)
        }
        if c | 0x20 == UInt8(ascii: "n"), try isNull() {
            input.advance(4)
            return sink.endValue(.null)
        }
        let (line, offset) = (input.line, input.offset)
        guard let word = try readWord() else {
            throw error("expected a value of \(table), found '\(Character(Unicode.Scalar(c)))'")
        }
        if word.uppercased() == "NULL" { return sink.endValue(.null) }
        if word.hasPrefix("_") {  // a charset introducer: _binary '…', _utf8mb4 '…'
            try skipSpaceAndComments()
            return try readValue(table: table, into: &sink)
        }
        throw DumpError(path: path, line: line, offset: offset, message: "expected a value of \(table), found '\(word)'")
    }

    private func readCreateTable(line: Int) throws(DumpError) -> Event? {
        var word = try nextWord()
        if word?.uppercased() == "TEMPORARY" { word = try nextWord() }
        guard word?.uppercased() == "TABLE" else {
            try skipStatement()
            return nil
        }
        word = try nextWord()
        if word?.uppercased() == "IF" {
            _ = try nextWord()  // NOT
            _ = try nextWord()  // EXISTS
            word = try nextWord()
        }
        guard let table = word, tables.contains(table) else {
            try skipStatement()
            return nil
        }
        try skipSpaceAndComments()
        guard try input.peek() == UInt8(ascii: "(") else { throw error("expected '(' after CREATE TABLE \(table)") }
        input.advance(1)
        var columns: [String] = []
        let notColumns: Set<String> = [
            "PRIMARY", "KEY", "UNIQUE", "INDEX", "CONSTRAINT", "FULLTEXT", "SPATIAL", "CHECK", "FOREIGN", "PERIOD",
        ]
        definitions: while true {
            try skipSpaceAndComments()
            let quoted = try input.peek() == UInt8(ascii: "`")
            if let name = try readWord(), quoted || !notColumns.contains(name.uppercased()) { columns.append(name) }
            // The rest of the definition, up to a ',' or ')' outside parentheses and quotes.
            var depth = 0
            while true {
                guard let c = try input.peek() else { throw error("the dump ends inside CREATE TABLE \(table)") }
                if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                    _ = try readString()
                    continue
                }
                if c == UInt8(ascii: "`") {
                    _ = try readWord()
                    continue
                }
                input.advance(1)
                if c == UInt8(ascii: "(") { depth += 1 }
                if c == UInt8(ascii: ")") {
                    if depth == 0 { break definitions }
                    depth -= 1
                }
                if c == UInt8(ascii: ","), depth == 0 { continue definitions }
            }
        }
        try skipStatement()
        return .table(name: table, columns: columns, line: line)
    }

    private func readDelimiterCommand() throws(DumpError) {
        while let c = try input.peek(), c == 0x20 || c == 0x09 { input.advance(1) }
        var bytes: [UInt8] = []
        while let c = try input.peek(), c != 0x0A, c != 0x0D, c != 0x20, c != 0x09 {
            bytes.append(c)
            input.advance(1)
        }
        guard !bytes.isEmpty else { throw error("DELIMITER without a delimiter") }
        delimiter = bytes
    }

    /// Skips to the end of the statement: past its delimiter, or to the end of the dump.
    private func skipStatement() throws(DumpError) {
        let first = delimiter[0]
        while true {
            let found = try input.scan(until: {
                $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "-")
                    || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "/") || $0 == first
            }, take: { _ in })
            guard let c = found else { return }
            if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                try skipString()
            } else if c == UInt8(ascii: "`") {
                _ = try readWord()
            } else if c == UInt8(ascii: "-") || c == UInt8(ascii: "#") || c == UInt8(ascii: "/") {
                if try !skipComment() { input.advance(1) }
            } else if try atDelimiter() {
                input.advance(delimiter.count)
                return
            } else {
                input.advance(1)
            }
        }
    }

    // MARK: Tokens

    private func skipSpaceAndComments() throws(DumpError) {
        while let c = try input.peek() {
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                input.advance(1)
            } else if c == UInt8(ascii: "-") || c == UInt8(ascii: "#") || c == UInt8(ascii: "/") {
                if try !skipComment() { return }
            } else {
                return
            }
        }
    }

    /// Skips a `-- …`, `# …` or `/* … */` comment (also `/*!40101 … */`); false when none starts here.
    private func skipComment() throws(DumpError) -> Bool {
        let c = try input.peek()
        let second = try input.peek(1)
        let third = try input.peek(2)
        let dashes = c == UInt8(ascii: "-") && second == UInt8(ascii: "-")
            && (third == nil || third == 0x20 || third == 0x09 || third == 0x0A || third == 0x0D)
        if c == UInt8(ascii: "#") || dashes {
            while let b = try input.peek(), b != 0x0A { input.advance(1) }
            return true
        }
        if c == UInt8(ascii: "/"), try input.peek(1) == UInt8(ascii: "*") {
            let (line, offset) = (input.line, input.offset)
            input.advance(2)
            // The start of a conditional comment, for the one that sets the character set.
            var head: [UInt8] = []
            let conditional = try input.peek() == UInt8(ascii: "!")
            while true {
                guard let b = try input.peek() else {
                    throw DumpError(path: path, line: line, offset: offset, message: "unterminated comment")
                }
                if b == UInt8(ascii: "*"), try input.peek(1) == UInt8(ascii: "/") {
                    input.advance(2)
                    if conditional, let named = Self.setNames(in: head) { characterSet = named }
                    // A conditional comment ends like a statement: its ';' belongs to it.
                    return true
                }
                if conditional && head.count < 64 { head.append(b) }
                input.advance(1)
            }
        }
        return false
    }

    /// After `SET`: the character set of `SET NAMES name`, if that is the statement.
    private func readSetNames() throws(DumpError) {
        try skipSpaceAndComments()
        guard let word = try readWord(), word.uppercased() == "NAMES" else { return }
        try skipSpaceAndComments()
        if let name = try readWord() { characterSet = name.lowercased() }
    }

    /// The character set of `!40101 SET NAMES latin1 ` (a conditional comment's text).
    static func setNames(in comment: [UInt8]) -> String? {
        let text = String(decoding: comment, as: UTF8.self)
        let words = text.dropFirst().drop { $0.isNumber }.split(whereSeparator: \.isWhitespace)
        guard words.count >= 3, words[0].uppercased() == "SET", words[1].uppercased() == "NAMES" else { return nil }
        let name = words[2].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return name.isEmpty ? nil : name.lowercased()
    }

    private func atDelimiter() throws(DumpError) -> Bool {
        for (k, byte) in delimiter.enumerated() where try input.peek(k) != byte { return false }
        return true
    }

    /// A backtick identifier or a bare word; nil when neither starts here.
    private func readWord() throws(DumpError) -> String? {
        guard let c = try input.peek() else { return nil }
        if c == UInt8(ascii: "`") {
            let (line, offset) = (input.line, input.offset)
            input.advance(1)
            var bytes: [UInt8] = []
            while true {
                guard let b = try input.peek() else {
                    throw DumpError(path: path, line: line, offset: offset, message: "unterminated `identifier`")
                }
                input.advance(1)
                if b == UInt8(ascii: "`") {
                    if try input.peek() == UInt8(ascii: "`") {
                        input.advance(1)
                        bytes.append(b)
                        continue
                    }
                    return String(decoding: bytes, as: UTF8.self)
                }
                bytes.append(b)
            }
        }
        func isWordByte(_ b: UInt8) -> Bool {
            (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z")) || (b >= 0x30 && b <= 0x39)
                || b == UInt8(ascii: "_") || b == UInt8(ascii: "$")
        }
        guard isWordByte(c), !(c >= 0x30 && c <= 0x39) else { return nil }
        var bytes: [UInt8] = []
        while let b = try input.peek(), isWordByte(b) {
            bytes.append(b)
            input.advance(1)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func nextWord() throws(DumpError) -> String? {
        try skipSpaceAndComments()
        return try readWord()
    }

    /// A '…' or "…" literal with MySQL's escapes: \0 \' \" \b \n \r \t \Z \\,
    /// \% and \_ (which keep their backslash), and a doubled quote.
    private func readString() throws(DumpError) -> [UInt8] {
        var bytes: [UInt8] = []
        try readString(into: &bytes, keep: true)
        return bytes
    }

    /// The longest value read from a wanted table: OpenXE's columns are
    /// `text` at most (64 KiB), so anything near this is a broken dump.
    static let valueLimit = 16 << 20

    /// Appends the string literal's bytes, its escapes resolved, to `bytes`
    /// (which may hold earlier values), or only skips it when `keep` is false.
    private func readString(into bytes: inout [UInt8], keep: Bool) throws(DumpError) {
        let (line, offset) = (input.line, input.offset)
        let base = bytes.count
        let quote = try input.peek()!
        input.advance(1)
        let limit = Self.valueLimit
        while true {
            let found = try input.scan(untilEither: quote, UInt8(ascii: "\\")) { (piece) throws(DumpError) in
                guard keep else { return }
                if bytes.isEmpty { bytes.reserveCapacity(piece.count + 16) }
                bytes.append(contentsOf: piece)
                if bytes.count - base > limit {
                    throw DumpError(path: path, line: line, offset: offset, message: "a string longer than 16 MiB (a broken dump?)")
                }
            }
            guard let b = found else {
                throw DumpError(path: path, line: line, offset: offset, message: "unterminated string (the dump ends inside it)")
            }
            input.advance(1)
            if b == quote {
                if try input.peek() == quote {
                    input.advance(1)
                    if keep { bytes.append(quote) }
                    continue
                }
                return
            }
            guard let e = try input.peek() else { continue }
            input.advance(1)
            guard keep else { continue }
            switch e {
            case UInt8(ascii: "0"): bytes.append(0)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "Z"): bytes.append(0x1A)
            case UInt8(ascii: "%"), UInt8(ascii: "_"): bytes.append(b); bytes.append(e)
            default: bytes.append(e)
            }
        }
    }

    private func skipString() throws(DumpError) {
        var none: [UInt8] = []
        try readString(into: &none, keep: false)
    }

    private func readHexDigits(until terminator: UInt8?, into bytes: inout [UInt8]) throws(DumpError) {
        func nibble(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: b - 0x30
            case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var digits: [UInt8] = []
        while let b = try input.peek(), let n = nibble(b) {
            digits.append(n)
            input.advance(1)
        }
        if let terminator {
            guard try input.peek() == terminator else { throw error("unterminated X'…' literal") }
            input.advance(1)
        }
        guard digits.count % 2 == 0 else { throw error("a hex literal with an odd number of digits") }
        for index in stride(from: 0, to: digits.count, by: 2) { bytes.append(digits[index] << 4 | digits[index + 1]) }
    }

    private func readNumber(into bytes: inout [UInt8]) throws(DumpError) {
        _ = try input.scan(until: { b in
            !((b >= 0x30 && b <= 0x39) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
                || b | 0x20 == UInt8(ascii: "e"))
        }, take: { bytes.append(contentsOf: $0) })
    }

    private func error(_ message: String) -> DumpError {
        DumpError(path: path, line: input.line, offset: input.offset, message: message)
    }
}

/// The dump's bytes with lookahead, refilled from the stream as they are
/// consumed; knows the line and byte offset of the current position for
/// positions and error messages (lines are counted lazily, when asked).
final class DumpInput {
    private let stream: ByteStream
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity = 1 << 17
    /// Valid bytes in `storage`.
    private(set) var count = 0
    /// The current position in `storage`.
    var position = 0
    private var eof = false
    /// Bytes consumed before `storage[0]`.
    private var consumed = 0
    /// Line number at `storage[linePosition]`.
    private var lineAtMark = 1
    private var linePosition = 0

    init(stream: ByteStream) {
        self.stream = stream
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    var offset: Int { consumed + position }

    /// The 1-based line of the current position.
    var line: Int {
        // Newlines are rare in a dump (one per extended INSERT): memchr skips to them.
        var from = storage + linePosition
        let end = storage + position
        while from < end, let hit = memchr(from, 0x0A, end - from) {
            lineAtMark += 1
            from = hit.assumingMemoryBound(to: UInt8.self) + 1
        }
        linePosition = position
        return lineAtMark
    }

    /// The byte `ahead` bytes from here, or nil past the end of the dump.
    @inline(__always)
    func peek(_ ahead: Int = 0) throws(DumpError) -> UInt8? {
        if position + ahead < count { return storage[position + ahead] }
        try fill(atLeast: ahead + 1)
        return position + ahead < count ? storage[position + ahead] : nil
    }

    @inline(__always)
    func advance(_ n: Int) {
        position = min(position + n, count)
    }

    /// Scans from the current position for the first byte for which `stop`
    /// holds, handing the bytes before it to `take` (in one or more pieces)
    /// and moving past them. Returns that byte, or nil at the end of the dump.
    @inline(__always)
    /// `scan(until:take:)` for the commonest case, the end of a string
    /// literal (its quote or a backslash): eight bytes at a time.
    func scan(
        untilEither a: UInt8, _ b: UInt8, take: (UnsafeBufferPointer<UInt8>) throws(DumpError) -> Void
    ) throws(DumpError) -> UInt8? {
        while true {
            let p = storage
            let k = Self.first(a, b, in: p, from: position, to: count)
            if k > position { try take(UnsafeBufferPointer(start: p + position, count: k - position)) }
            position = k
            if k < count { return p[k] }
            try fill(atLeast: 1)
            if position >= count { return nil }
        }
    }

    /// The index of the first `a` or `b` in `p[from..<end]`, or `end`.
    private static func first(_ a: UInt8, _ b: UInt8, in p: UnsafeMutablePointer<UInt8>, from: Int, to end: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let aa = ones &* UInt64(a)
        let bb = ones &* UInt64(b)
        var i = from
        while i + 8 <= end {
            let w = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
            let x = w ^ aa
            let y = w ^ bb
            // A zero byte in x or y is a match; the lowest flag marks the first one exactly.
            let found = ((x &- ones) & ~x | (y &- ones) & ~y) & highs
            if found != 0 { return i + found.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < end, p[i] != a, p[i] != b { i += 1 }
        return i
    }

    func scan(
        until stop: (UInt8) -> Bool, take: (UnsafeBufferPointer<UInt8>) throws(DumpError) -> Void
    ) throws(DumpError) -> UInt8? {
        while true {
            var k = position
            let p = storage
            let end = count
            while k < end, !stop(p[k]) { k += 1 }
            if k > position { try take(UnsafeBufferPointer(start: p + position, count: k - position)) }
            position = k
            if k < end { return p[k] }
            try fill(atLeast: 1)
            if position >= count { return nil }
        }
    }

    private func fill(atLeast needed: Int) throws(DumpError) {
        guard !eof else { return }
        _ = line  // count the lines of what is about to be dropped
        if position > 0 {
            let keep = count - position
            storage.update(from: storage + position, count: keep)
            consumed += position
            count = keep
            position = 0
            linePosition = 0
        }
        if needed > capacity - 65536 {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: needed + 65536)
            grown.update(from: storage, count: count)
            storage.deallocate()
            storage = grown
            capacity = needed + 65536
        }
        while count < needed && !eof {
            let n: Int
            do {
                n = try stream.read(into: UnsafeMutableRawBufferPointer(start: storage + count, count: capacity - count))
            } catch {
                throw DumpError(path: stream.name, line: line, offset: offset, message: error.description)
            }
            if n == 0 { eof = true } else { count += n }
        }
    }
}
