@testable import Importers
import Testing

@Suite struct CSVRecordReaderTests {
    let tricky = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nplain,,end\n"

    @Test func quotingDelimitersAndLineBreaksInsideQuotes() throws {
        let events = try allEvents(CSVRecordReader(stream: MemoryByteStream(tricky)))
        #expect(events == [
            .record(line: 1, fields: ["a", "b", "c"]),
            .record(line: 2, fields: ["x, y", "say \"hi\"", "two\nlines"]),
            .record(line: 4, fields: ["plain", "", "end"]),
        ])
    }

    @Test(arguments: [1, 2, 3, 5, 7, 64])
    func everyChunkBoundaryGivesTheSameRecords(chunk: Int) throws {
        let whole = try allEvents(CSVRecordReader(stream: MemoryByteStream(tricky)))
        let chunked = try allEvents(CSVRecordReader(stream: MemoryByteStream(tricky, chunk: chunk)))
        #expect(chunked == whole)
    }

    /// Unquoted fields end where the word-at-a-time scan says: a field of
    /// every length from 0 to 17 (so its end falls on each byte of a word,
    /// and past it), with umlauts, each line end, for each delimiter.
    @Test(arguments: [",", ";", "\t", "|"])
    func fieldEndsAtEveryPlaceInAWord(delimiter: String) throws {
        let fields = (0...17).map { length in String(repeating: "ä", count: length / 3) + String(repeating: "x", count: length - length / 3 * 2) }
        let header = ["h1", "h2", "h3"].joined(separator: delimiter)
        var text = header + "\n"
        var expected: [CSVRecordEvent] = [.record(line: 1, fields: ["h1", "h2", "h3"])]
        for (index, field) in fields.enumerated() {
            let row = [field, String(index), field + "e"]
            text += row.joined(separator: delimiter) + (index % 2 == 0 ? "\r\n" : "\n")
            expected.append(.record(line: index + 2, fields: row))
        }
        #expect(try allEvents(CSVRecordReader(stream: MemoryByteStream(text))) == expected)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let events = try allEvents(CSVRecordReader(stream: MemoryByteStream("\u{FEFF}email;port\nx@y.de;993\n")))
        #expect(events == [.record(line: 1, fields: ["email", "port"]), .record(line: 2, fields: ["x@y.de", "993"])])
    }

    @Test(arguments: [("a,b\n1,2\n", ","), ("a;b\n1;2\n", ";"), ("a\tb\n1\t2\n", "\t"), ("a|b\n1|2\n", "|"),
                      ("\"a;x\",b,c;d\n", ",")])
    func delimiterComesFromTheHeader(text: String, delimiter: String) throws {
        let reader = CSVRecordReader(stream: MemoryByteStream(text))
        _ = try reader.next()
        #expect(reader.delimiter == UInt8(ascii: Unicode.Scalar(delimiter)!))
    }

    @Test func blankLinesAreNoRecords() throws {
        let events = try allEvents(CSVRecordReader(stream: MemoryByteStream("a\n\n1\r\n\r\n2")))
        #expect(events == [.record(line: 1, fields: ["a"]), .record(line: 3, fields: ["1"]), .record(line: 5, fields: ["2"])])
    }

    /// Spreadsheets write an empty row as a row of delimiters: no record either.
    /// A row with any content, even one space, is a record.
    @Test(arguments: [1, 4, 64])
    func rowsOfEmptyCellsAreNoRecords(chunk: Int) throws {
        let text = "a;b;c\n;;\r\n\"\";\"\";\"\"\n1;2;3\n;;\n;\n; ;\n;;;;;;\n;;"
        let events = try allEvents(CSVRecordReader(stream: MemoryByteStream(text, chunk: chunk)))
        #expect(events == [
            .record(line: 1, fields: ["a", "b", "c"]), .record(line: 4, fields: ["1", "2", "3"]), .record(line: 7, fields: ["", " ", ""]),
        ])
    }

    /// Excel's `sep=X` first line names the delimiter and is no record; the
    /// lines after it keep their numbers. Anything longer is an ordinary line.
    @Test(arguments: [1, 4, 64])
    func excelsSeparatorLineNamesTheDelimiter(chunk: Int) throws {
        let reader = CSVRecordReader(stream: MemoryByteStream("\u{FEFF}sep=;\r\na,b;c\n1;2\n", chunk: chunk))
        #expect(try allEvents(reader) == [.record(line: 2, fields: ["a,b", "c"]), .record(line: 3, fields: ["1", "2"])])
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(try allEvents(CSVRecordReader(stream: MemoryByteStream("SEP=|\na|b", chunk: chunk))) == [.record(line: 2, fields: ["a", "b"])])
        #expect(try allEvents(CSVRecordReader(stream: MemoryByteStream("sep=;x\n1;2\n", chunk: chunk))) == [
            .record(line: 1, fields: ["sep=", "x"]), .record(line: 2, fields: ["1", "2"]),
        ])
    }

    @Test func characterAfterClosingQuoteIsMalformedAndReadingResumesOnTheNextLine() throws {
        let events = try allEvents(CSVRecordReader(stream: MemoryByteStream("a,b\n\"x\"y,2\nok,3\n")))
        #expect(events == [
            .record(line: 1, fields: ["a", "b"]),
            .malformed(line: 2, reason: "unexpected character 'y' after the closing quote in column 1"),
            .record(line: 3, fields: ["ok", "3"]),
        ])
    }

    @Test(arguments: [1, 3, 4, 9, 1000])
    func aBadRecordWhoseLineEndsInALaterReadIsSkippedToThatLineEnd(chunk: Int) throws {
        // The error is seen at byte 4; the line goes on well past the first reads.
        let text = "a,b\n\"x\"y,2222222222222222222222222222\nok,3\n"
        let events = try allEvents(CSVRecordReader(stream: MemoryByteStream(text, chunk: chunk)))
        #expect(events == [
            .record(line: 1, fields: ["a", "b"]),
            .malformed(line: 2, reason: "unexpected character 'y' after the closing quote in column 1"),
            .record(line: 3, fields: ["ok", "3"]),
        ])
    }

    @Test func unterminatedQuoteAtTheEndIsMalformedAndTheLinesAfterItAreRead() throws {
        let events = try allEvents(CSVRecordReader(stream: MemoryByteStream("a,b\n\"open,1\nnext,2\n")))
        #expect(events == [
            .record(line: 1, fields: ["a", "b"]),
            .malformed(line: 2, reason: "unterminated quoted field in column 1"),
            .record(line: 3, fields: ["next", "2"]),
        ])
    }

    @Test func invalidUTF8IsMalformed() throws {
        var bytes = Array("a,b\n".utf8)
        bytes += [0x78, 0xC3, 0x28, 0x2C, 0x31, 0x0A]  // "x\xC3(,1\n"
        bytes += Array("ok,2\n".utf8)
        let events = try allEvents(CSVRecordReader(stream: MemoryByteStream(bytes: bytes)))
        #expect(events == [
            .record(line: 1, fields: ["a", "b"]),
            .malformed(line: 2, reason: "invalid UTF-8 in column 1"),
            .record(line: 3, fields: ["ok", "2"]),
        ])
    }

    /// The record is checked as a whole and the column named afterwards:
    /// a bad byte in a quoted field spanning lines, and a lead byte cut off
    /// by the closing quote, each name their own column.
    @Test func invalidUTF8NamesItsColumnInLongAndQuotedRecords() throws {
        let ascii = Array(String(repeating: "x", count: 40).utf8)
        var bytes = Array("a,b,c\n".utf8)
        bytes += ascii + Array(",\"zwei\nZeilen ".utf8) + ascii + [0xFF] + Array("\",3\n".utf8)
        bytes += Array("\"Gr".utf8) + [0xC3] + Array("\",ok,1\n".utf8)
        bytes += Array("Grüße,ok,2\n".utf8)
        let events = try allEvents(CSVRecordReader(stream: MemoryByteStream(bytes: bytes)))
        #expect(events == [
            .record(line: 1, fields: ["a", "b", "c"]),
            .malformed(line: 2, reason: "invalid UTF-8 in column 2"),
            .malformed(line: 3, reason: "invalid UTF-8 in column 1"),  // read again from the line after
            .malformed(line: 4, reason: "invalid UTF-8 in column 1"),
            .record(line: 5, fields: ["Grüße", "ok", "2"]),
        ])
    }

    /// Every position of a bad or a good multi-byte sequence in and after
    /// the 32- and 8-byte ASCII steps.
    @Test func utf8ValidationAtEveryOffsetOfALongASCIIRun() {
        func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) } }
        for length in [31, 32, 33, 40, 70] {
            for offset in 0..<length {
                var bad = Array(repeating: UInt8(ascii: "a"), count: length)
                bad[offset] = 0xFF
                #expect(!valid(bad), "0xFF at \(offset) of \(length)")
                var good = Array(repeating: UInt8(ascii: "a"), count: length)
                good.insert(contentsOf: [0xC3, 0xA9], at: offset)
                #expect(valid(good), "é at \(offset) of \(length)")
                var cut = Array(repeating: UInt8(ascii: "a"), count: offset)
                cut.append(0xC3)
                #expect(!valid(cut), "lead byte alone at the end, after \(offset)")
            }
        }
    }

    @Test func recordLongerThanTheLimitIsMalformedAndSkipped() throws {
        let long = String(repeating: "x", count: 5000)
        let reader = CSVRecordReader(stream: MemoryByteStream("a\n\(long)\nafter\n", chunk: 100), maxRecordBytes: 1000)
        let events = try allEvents(reader)
        #expect(events == [
            .record(line: 1, fields: ["a"]),
            .malformed(line: 2, reason: "record longer than 1000 bytes (an unbalanced quote?)"),
            .record(line: 3, fields: ["after"]),
        ])
    }

    @Test func utf8Validation() {
        func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) } }
        #expect(valid(Array("Grüße aus Köln 😀 – ok".utf8)))
        #expect(!valid([0xC0, 0xAF]))  // overlong
        #expect(!valid([0xED, 0xA0, 0x80]))  // surrogate
        #expect(!valid([0xF4, 0x90, 0x80, 0x80]))  // above U+10FFFF
        #expect(!valid([0xE2, 0x82]))  // truncated
        #expect(!valid(Array("abcdefgh".utf8) + [0xFF]))
    }
}
