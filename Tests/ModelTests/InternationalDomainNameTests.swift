import TestSupport
import Testing

@testable import MailModel

@Suite struct InternationalDomainNameTests {
    /// RFC 3492's own samples (A: Arabic, B: simplified Chinese, L: Japanese
    /// with ASCII in it), and German labels as Python's punycode codec encodes them.
    @Test func punycodeEncodesAsTheRFCSays() {
        let arabic: [UInt32] = [0x644, 0x64A, 0x647, 0x645, 0x627, 0x628, 0x62A, 0x643, 0x644, 0x645, 0x648, 0x634, 0x639, 0x631, 0x628, 0x64A, 0x61F]
        #expect(Punycode.encode(arabic) == "egbpdaj6bu4bxfgehfvwxn")
        let chinese: [UInt32] = [0x4ED6, 0x4EEC, 0x4E3A, 0x4EC0, 0x4E48, 0x4E0D, 0x8BF4, 0x4E2D, 0x6587]
        #expect(Punycode.encode(chinese) == "ihqwcrb4cv8a8dqg056pqjye")
        let mixed: [UInt32] = [0x33, 0x5E74, 0x42, 0x7D44, 0x91D1, 0x516B, 0x5148, 0x751F]  // "3年B組金八先生"
        #expect(Punycode.encode(mixed) == "3B-ww4c5e180e575a65lsy2b")
        #expect(Punycode.encode("müller-bau".unicodeScalars.map(\.value)) == "mller-bau-q9a")
        #expect(Punycode.encode("köln-süd".unicodeScalars.map(\.value)) == "kln-sd-wxa6c")
        #expect(Punycode.encode("ü".unicodeScalars.map(\.value)) == "tda")
    }

    @Test func namesBeyondASCIIGetTheirASCIIForm() {
        #expect(InternationalDomainName.asciiForm(of: "imap.müller-bau.de") == "imap.xn--mller-bau-q9a.de")
        #expect(InternationalDomainName.asciiForm(of: "MÜNCHEN.de") == "xn--mnchen-3ya.de")  // lower-cased first
        #expect(InternationalDomainName.asciiForm(of: "straße.de") == "xn--strae-oqa.de")  // ß kept (IDNA2008)
        #expect(InternationalDomainName.asciiForm(of: "mail.пример.рф") == "mail.xn--e1afmkfd.xn--p1ai")
        #expect(InternationalDomainName.asciiForm(of: "日本語。jp") == "xn--wgv71a119e.jp")  // ideographic full stop
        // Decomposed (NFD, as macOS file names are): composed first, so the same name.
        #expect(InternationalDomainName.asciiForm(of: "mu\u{0308}ller-bau.de") == "xn--mller-bau-q9a.de")
        #expect(InternationalDomainName.composed("u\u{0308}\u{0301}e\u{0301}") == "\u{01D8}\u{00E9}")  // ǘ, é
        #expect(InternationalDomainName.composed("日\u{0301}") == "日\u{0301}")  // no such letter: left as it is
    }

    @Test func asciiNamesStayAsTheyAre() {
        #expect(InternationalDomainName.asciiForm(of: "IMAP.Example.DE") == "IMAP.Example.DE")
        #expect(InternationalDomainName.asciiForm(of: "xn--mller-bau-q9a.de") == "xn--mller-bau-q9a.de")
        #expect(InternationalDomainName.asciiForm(of: "") == "")
    }

    /// An address gets its domain in ASCII; the local part, what has no
    /// domain and a domain without an ASCII form stay as they are.
    @Test func addressesGetTheirDomainInASCII() {
        #expect(InternationalDomainName.withASCIIDomain(address: "Jörg@Müller.DE") == "Jörg@xn--mller-kva.DE")
        #expect(InternationalDomainName.withASCIIDomain(address: "a@b@müller.de") == "a@b@xn--mller-kva.de")
        #expect(InternationalDomainName.withASCIIDomain(address: "info@Example.DE") == "info@Example.DE")
        #expect(InternationalDomainName.withASCIIDomain(address: "müller.de") == "müller.de")
        #expect(InternationalDomainName.withASCIIDomain(address: "x@") == "x@")
        let long = "x@" + String(repeating: "ü", count: 64) + ".de"
        #expect(InternationalDomainName.withASCIIDomain(address: long) == long)
    }

    @Test func aLabelTooLongForDNSHasNoASCIIForm() {
        // 59 characters, 69 in ASCII form (Python's punycode codec agrees).
        #expect(InternationalDomainName.asciiForm(of: "mail.jürgen-müller-maschinenbau-und-anlagentechnik-köln-süd-gmbh.de") == nil)
        // A whole spreadsheet cell of distinct letters as a host: refused, not encoded.
        let garbage = String(String.UnicodeScalarView((0x4E00..<0x4E00 + 100_000).compactMap(Unicode.Scalar.init)))
        #expect(InternationalDomainName.asciiForm(of: "imap." + garbage + ".de") == nil)
        let fits = String(repeating: "a", count: 50) + "ü.de"  // 58 characters in ASCII form
        #expect(InternationalDomainName.asciiForm(of: fits) == "xn--" + String(repeating: "a", count: 50) + "-ehf.de")
    }

    /// Names made of ASCII, umlauts, combining marks, CJK, emoji, dots and
    /// stray bytes' replacement: never a crash; an answer is ASCII, its
    /// xn-- labels at most 63 long, and the same name gives the same answer.
    @Test func anyNameGivesASCIIOrNothing() {
        var random = SplitMix64(seed: 21)
        let pieces: [String] = ["a", "Z", "-", ".", "ü", "Ü", "ß", "u\u{0308}", "\u{0301}", "日", "本", "😀", "\u{FFFD}", "。", "xn--", "0"]
        for _ in 0..<5000 {
            let name = (0..<Int.random(in: 0...80, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            guard let ascii = InternationalDomainName.asciiForm(of: name) else { continue }
            #expect(ascii.utf8.allSatisfy { $0 < 0x80 }, "\(name)")
            if !name.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(ascii.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { !$0.hasPrefix("xn--") || $0.utf8.count <= 63 }, "\(name)")
            }
            #expect(InternationalDomainName.asciiForm(of: name) == ascii)
        }
    }
}
