import Exporters
import Testing

@Suite struct MarkupTextTests {
    @Test func escapesMarkupAndDropsWhatXMLCannotHold() {
        #expect(MarkupText.escaped(#"O'Brien & "Söhne" <info@x.de>"#) == "O&#39;Brien &amp; &quot;Söhne&quot; &lt;info@x.de&gt;")
        #expect(MarkupText.escaped("a\tb\nc\rd\u{1}e\u{1F}f") == "a\tb\nc\rd?e?f")
        #expect(MarkupText.escaped("Grüße 😀") == "Grüße 😀")
    }
}
