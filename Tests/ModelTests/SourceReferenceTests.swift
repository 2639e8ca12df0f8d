import MailModel
import Testing

/// Positions as findings, rejects and the store's `last_source` show them.
@Suite struct SourceReferenceTests {
    @Test func eachFormOfPosition() {
        #expect(SourceReference(file: "in.csv", line: 12).description == "in.csv:12")
        #expect(SourceReference(file: "d.sql", line: 51, detail: "emailbackup id=1").description == "d.sql:51 (emailbackup id=1)")
        #expect(SourceReference(file: "konten.xml", detail: "element 3").description == "konten.xml: element 3")
        #expect(SourceReference(file: "-").description == "-")
        #expect(SourceReference(file: "Bäckerei/ä.csv", line: 0).description == "Bäckerei/ä.csv:0")
        #expect(SourceReference(file: "a", line: 1_000_000).description == "a:1000000")
        #expect(SourceReference(file: "a", line: 9, detail: "").description == "a:9 ()")
        #expect(SourceReference(file: "", line: .max).description == ":9223372036854775807")
        #expect(SourceReference(file: "a", line: .min).description == "a:-9223372036854775808")
    }

    @Test func appendedTextIsTheDescription() {
        var bytes: [UInt8] = [0x41]
        SourceReference(file: "d.sql", line: 7, detail: "emailbackup id=2").appendText(to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "Ad.sql:7 (emailbackup id=2)")
    }
}
