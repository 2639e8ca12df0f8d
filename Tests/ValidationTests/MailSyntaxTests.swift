import Testing

@testable import Validation

/// Host names are told plain in one pass; anything else is checked a step at
/// a time. The one pass must never call a host plain that the checks fault.
@Suite struct MailSyntaxTests {
    func plain(_ host: String) -> Bool { Array(host.utf8).withUnsafeBufferPointer { MailSyntax.isPlainHost($0) } }
    func checked(_ host: String) -> String? { Array(host.utf8).withUnsafeBufferPointer { MailSyntax.checkedHostProblem($0) } }

    @Test func plainHosts() {
        for host in ["imap.kunde-1.de", "a", "x_y.example", "A1.B2", String(repeating: "a", count: 63) + ".de"] {
            #expect(plain(host), "\(host)")
            #expect(checked(host) == nil, "\(host)")
            #expect(MailSyntax.hostProblem(host) == nil)
        }
        let long = (0..<50).map { _ in "abcd" }.joined(separator: ".") + ".abc"  // 253
        #expect(long.utf8.count == 253 && plain(long))
        #expect(!plain(long + "d") && checked(long + "d") == "is longer than 253 characters")
    }

    @Test func hostsThatAreNotPlainAreChecked() {
        let cases: [(String, String?)] = [
            ("", "has an empty label (two dots, or a dot at the start or end)"),
            ("a..b", "has an empty label (two dots, or a dot at the start or end)"),
            ("-a.de", "has a label that starts or ends with '-'"),
            ("imap.kunde-.de", "has a label that starts or ends with '-'"),
            (String(repeating: "a", count: 64) + ".de", "has a label longer than 63 characters"),
            ("imaps://imap.de", "contains a URL scheme"),
            ("imap .de", "contains white space"),
            ("imap.de/x", "contains a path"),
            ("info@imap.de", "contains '@' (an address, not a host)"),
            ("imap!.de", "has a character that no host name holds"),
            ("mail.bäckerei.de", nil),
        ]
        for (host, problem) in cases {
            #expect(!plain(host), "\(host)")
            #expect(MailSyntax.hostProblem(host) == problem, "\(host)")
        }
    }

    /// Every host of up to four characters from letters, digits, `-`, `_`,
    /// `.`, `:`, a space, `/`, `@` and `ä`: plain only where the checks find nothing.
    @Test func theOnePassAgreesWithTheChecks() {
        let alphabet = ["a", "Z", "0", "-", "_", ".", ":", " ", "/", "@", "ä"]
        var hosts = [""]
        var compared = 0
        for _ in 0..<4 {
            hosts = hosts.flatMap { host in alphabet.map { host + $0 } }
            for host in hosts {
                if plain(host) { #expect(checked(host) == nil, "'\(host)'") }
                #expect(MailSyntax.hostProblem(host) == checked(host), "'\(host)'")
                compared += 1
            }
        }
        #expect(compared == 11 + 121 + 1331 + 14641)
    }

    @Test func sameASCIIDomains() {
        #expect(MailSyntax.haveSameASCIIDomain("a@Kunde-1.DE", "jürgen.müller@kunde-1.de"))
        #expect(MailSyntax.haveSameASCIIDomain("a@b@x.de", "c@x.de"))  // the last @ counts, as in domain(of:)
        #expect(!MailSyntax.haveSameASCIIDomain("a@kunde-1.de", "b@kunde-2.de"))
        #expect(!MailSyntax.haveSameASCIIDomain("a@kunde.de", "b@kunde.de.example"))
        // Cannot tell: left to domain(of:).
        #expect(!MailSyntax.haveSameASCIIDomain("a@bäckerei.de", "b@bäckerei.de"))
        #expect(!MailSyntax.haveSameASCIIDomain("a@", "b@"))
        #expect(!MailSyntax.haveSameASCIIDomain("kunde.de", "kunde.de"))
    }

    @Test func addressProblems() {
        let cases: [(String, String?)] = [
            ("info@kunde-1.de", nil),
            ("jürgen.müller@bäckerei.de", nil),
            ("info.kunde.de", "needs exactly one '@'"),
            ("a@b@kunde.de", "needs exactly one '@'"),
            ("@kunde.de", "has nothing before the '@'"),
            (String(repeating: "a", count: 65) + "@kunde.de", "has more than 64 characters before the '@'"),
            (String(repeating: "ä", count: 40) + "@kunde.de", nil),  // 80 bytes, 40 characters
            ("in fo@kunde.de", "has a space, comma or angle bracket before the '@'"),
            ("a,b@kunde.de", "has a space, comma or angle bracket before the '@'"),
            ("<a>@kunde.de", "has a space, comma or angle bracket before the '@'"),
            (".info@kunde.de", "has a misplaced dot before the '@'"),
            ("info.@kunde.de", "has a misplaced dot before the '@'"),
            ("in..fo@kunde.de", "has a misplaced dot before the '@'"),
            ("in fo..x@kunde.de", "has a space, comma or angle bracket before the '@'"),  // the first problem wins
            // Control characters (a line break or tab from a spreadsheet cell) are named by code point,
            // ahead of every other problem of the local part.
            ("a\nb@kunde.de", "has a control character (U+000A) before the '@'"),
            ("info\t@kunde.de", "has a control character (U+0009) before the '@'"),
            ("a\u{0}b@kunde.de", "has a control character (U+0000) before the '@'"),
            ("a\u{7F}b@kunde.de", "has a control character (U+007F) before the '@'"),
            ("in fo\r@kunde.de", "has a control character (U+000D) before the '@'"),
            // RFC 5322's specials outside a quoted local part.
            ("a(b)@kunde.de", "has '(' before the '@', which an address holds only in quotes"),
            ("a\\b@kunde.de", "has '\\' before the '@', which an address holds only in quotes"),
            ("john\"doe@kunde.de", "has '\"' before the '@', which an address holds only in quotes"),
            ("a;b:c@kunde.de", "has ';' before the '@', which an address holds only in quotes"),
            ("\"john(doe)\"@kunde.de", nil),
            ("o'brien+news@kunde.de", nil),
            ("a(b@kunde..de", "has '(' before the '@', which an address holds only in quotes"),  // before the domain
            ("info@", "has no domain after the '@'"),
            ("info@kunde", "has a domain without a dot"),
            ("info@kunde..de", "has a domain that has an empty label (two dots, or a dot at the start or end)"),
        ]
        for (address, problem) in cases {
            #expect(MailSyntax.addressProblem(address) == problem, "\(address)")
        }
    }
}

