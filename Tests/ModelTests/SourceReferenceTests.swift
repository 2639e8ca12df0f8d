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
    }

    @Test func appendedTextIsTheDescription() {
        var bytes: [UInt8] = [0x41]
        SourceReference(file: "d.sql", line: 7, detail: "emailbackup id=2").appendText(to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "Ad.sql:7 (emailbackup id=2)")
    }
}
