import MailModel
import Testing

/// The byte-level list codec (`append`, `decode(utf8:)`) against the
/// Character-level one it stands in for: the same texts, the same items.
@Suite struct ListCodecTests {
    static let lists: [[String]] = [
        [],
        [""],
        ["anna", "bernd"],
        ["jörg", "Ärger", "日本"],
        ["a;b", "c\\d", "e"],
        [";", "\\", ""],
        ["a\u{301};b", ";\u{301}x"],  // a combining accent beside a ";"
        ["\u{600};x"],  // a prepended mark before a ";"
        ["line\r\nbreak", "tab\tx"],
    ]

    @Test(arguments: lists)
    func appendWritesWhatEncodeWrites(items: [String]) {
        var bytes: [UInt8] = []
        ListCodec.append(items, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == ListCodec.encode(items))
    }

    @Test func appendOfFieldsWritesWhatEncodeWrites() {
        let fields = [
            ExtraField(name: "kunde_nr", value: "4711"), ExtraField(name: "a=b", value: "x;y"),
            ExtraField(name: "ö", value: "\\"), ExtraField(name: "", value: ""),
        ]
        var bytes: [UInt8] = []
        ListCodec.append(fields, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "kunde_nr=4711;a\\=b=x\\;y;ö=\\\\;=")
        #expect(String(decoding: bytes, as: UTF8.self) == ListCodec.encode(fields))
    }

    static let texts: [String] = [
        "", ";", ";;", "anna;bernd", "anna;jörg;", "jörg;ärger", "a\\;b;c", "a\u{301};b", "a;\u{301}b",
        "\u{600};x", "x;\u{600}", "é;é", "ab\r\n;cd", "日本;中国",
    ]

    @Test(arguments: texts)
    func decodeOfBytesReadsWhatDecodeReads(text: String) {
        let items = Array(text.utf8).withUnsafeBufferPointer { ListCodec.decode(utf8: $0) }
        #expect(items == ListCodec.decode(text))
    }

    @Test func aSemicolonWithAnAccentIsNotASeparator() {
        let text = "a;\u{301}b;c"
        #expect(ListCodec.decode(text) == ["a;\u{301}b", "c"])
        #expect(Array(text.utf8).withUnsafeBufferPointer { ListCodec.decode(utf8: $0) } == ["a;\u{301}b", "c"])
    }
}
