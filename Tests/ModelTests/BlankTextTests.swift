import MailModel
import Testing

@Suite struct BlankTextTests {
    /// The same answers as `allSatisfy(\.isWhitespace)`, which it replaces on the hot path.
    @Test func blankAsCharactersSay() {
        for text in ["", " ", "\t\r\n", " \u{00A0} ", "\u{2003}", "x", " Sent", "ä", "\u{00A0}x", "Gesendet "] {
            #expect(BlankText.isBlank(text) == text.allSatisfy(\.isWhitespace), "\(Array(text.unicodeScalars))")
        }
        #expect(BlankText.isBlank(" \u{00A0}\t"))
        #expect(!BlankText.isBlank(" INBOX.Sent"))
    }
}
