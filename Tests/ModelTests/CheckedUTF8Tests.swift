import Testing

@testable import MailModel

@Suite struct CheckedUTF8Tests {
    func same(_ bytes: [UInt8], _ text: String) -> Bool {
        bytes.withUnsafeBufferPointer { CheckedUTF8.same($0, as: text) }
    }

    @Test func theSameBytesAreTheSameText() {
        #expect(same(Array("oauth_google".utf8), "oauth_google"))
        #expect(same(Array("2024-02-29".utf8), "2024-02-29"))
        #expect(same([], ""))
        #expect(same(Array("Grüße aus Köln, ein langer Text über sechzehn Bytes".utf8), "Grüße aus Köln, ein langer Text über sechzehn Bytes"))
    }

    @Test func otherBytesAreNotTheSameText() {
        #expect(!same(Array("smtp".utf8), "smtp "))
        #expect(!same(Array("smtp".utf8), "SMTP"))
        #expect(!same(Array("Grüße aus Köln, ein langer Text über sechzehn Bytes".utf8), "Grüße aus Köln, ein langer Text über sechzehn Byte!"))
        #expect(!same([], "0"))
    }

    /// Strings compare by Unicode equivalence; a raw value kept for writing
    /// back must be compared byte by byte.
    @Test func anEquivalentTextInOtherBytesIsNotTheSame() {
        let kelvin = "\u{212A}"  // KELVIN SIGN, canonically equivalent to "K"
        #expect(kelvin == "K")
        #expect(!same(Array(kelvin.utf8), "K"))
        let composed = "\u{00E9}", decomposed = "e\u{0301}"
        #expect(composed == decomposed)
        #expect(!same(Array(decomposed.utf8), composed))
    }
}
