import MailModel
import TestSupport
import Testing

@testable import Validation

/// Double-encoded text is found and read back as it was meant; ordinary
/// text, with umlauts, typographic characters or characters Windows-1252
/// does not have, is not.
@Suite struct DoubleEncodingTests {
    @Test(arguments: [
        ("MÃ¼ller GmbH", "Müller GmbH"),
        ("<p>Mit freundlichen GrÃ¼ÃŸen</p>", "<p>Mit freundlichen Grüßen</p>"),
        ("Danke â€“ wir melden uns", "Danke – wir melden uns"),
        ("Preis: 5 â‚¬", "Preis: 5 €"),
        ("â€žAngebotâ€œ", "„Angebot“"),
        ("ÃƒÂ¼ber", "über"),  // decoded twice too often
        ("Ã\u{81}", "Á"),  // 0x81, which Windows-1252 leaves undefined, as MySQL's latin1 reads it
        ("ðŸ˜€", "😀"),  // a four-byte sequence
        ("Rechnungsabteilung der MÃ¼ller GmbH", "Rechnungsabteilung der Müller GmbH"),  // past ASCII read eight bytes at a time
    ])
    func repairs(damaged: String, meant: String) {
        #expect(DoubleEncoding.repaired(damaged) == meant)
    }

    @Test(arguments: [
        "", "plain ASCII", "Müller GmbH", "Grüße – Ihr Team © 2026", "€ 5,– „Angebot“", "Ångström",
        "Łódź MÃ¼ller",  // Ł has no Windows-1252 byte
        "Müller MÃ¼ller",  // ü's byte 0xFC starts no UTF-8 sequence
        "MÃ",  // a sequence cut off at the end
        "Ã¼\u{301}",  // U+0301 has no Windows-1252 byte
        "Ã¼ und Ã",  // a lead byte at the end
        "Ã\u{80}",  // U+0080 has no byte: Windows-1252's 0x80 is €
        "Rechnungsabteilung der Müller GmbH",
    ])
    func leavesAlone(text: String) {
        #expect(DoubleEncoding.repaired(text) == nil)
    }

    @Test func quotesTheWordWhereTheDamageStarts() {
        #expect(DoubleEncoding.firstDamagedWord(in: "<p>Mit freundlichen GrÃ¼ÃŸen</p>\n<p>Ihr Team</p>") == "GrÃ¼ÃŸen</p>")
        #expect(DoubleEncoding.firstDamagedWord(in: "ÃŸ" + String(repeating: "x", count: 50)) == "ÃŸ" + String(repeating: "x", count: 38))
        #expect(DoubleEncoding.firstDamagedWord(in: String(repeating: "y", count: 30) + "Ã¼ber") == String(repeating: "y", count: 20) + "Ã¼ber")
        #expect(DoubleEncoding.firstDamagedWord(in: "ab Ã¼ber cd") == "Ã¼ber")
    }

    /// The rule quotes a short text whole with its reading, and of a long one
    /// the word where the damage starts; each finding names its field.
    @Test func theRuleSaysWhatATextShouldRead() {
        var account = MailAccount()
        account.identity.displayName = "MÃ¼ller GmbH"
        account.outgoing.senderName = "Müller GmbH"
        account.incoming.sentFolder = "INBOX.Gesendete Elemente"
        account.incoming.trashFolder = "GelÃ¶scht"
        account.signature.html = "<p>Mit freundlichen GrÃ¼ÃŸen</p>\n" + String(repeating: "<p>Zeile</p>\n", count: 8)
        let found = RuleCatalog.validate(account).filter { $0.rule == "double-encoded-text" }
        #expect(found.map(\.message) == [
            "display_name looks double-encoded: \"MÃ¼ller GmbH\" should read \"Müller GmbH\"",
            "incoming_trash_folder looks double-encoded: \"GelÃ¶scht\" should read \"Gelöscht\"",
            "signature_html looks double-encoded: \"GrÃ¼ÃŸen</p>\" should read \"Grüßen</p>\"",
        ])
        #expect(found.map(\.field) == [.displayName, .incomingTrashFolder, .signatureHTML])
        #expect(found.allSatisfy { $0.severity == .warning && $0.fix == DoubleEncodedTextRule.description.fix })
    }

    /// A repair puts the reading into each damaged field, leaves the others,
    /// and says what it did per field: a long text by the word where its
    /// damage started.
    @Test func aRepairStoresTheReadingAndSaysWhere() {
        var account = MailAccount()
        account.identity.displayName = "MÃ¼ller GmbH"
        account.outgoing.senderName = "Müller GmbH"
        account.incoming.draftsFolder = "EntwÃ¼rfe"
        let signature = "<p>Mit freundlichen GrÃ¼ÃŸen</p>\n" + String(repeating: "<p>Zeile</p>\n", count: 8)
        account.signature.html = signature
        let repairs = DoubleEncodingRepair.repair(&account)
        #expect(account.identity.displayName == "Müller GmbH")
        #expect(account.outgoing.senderName == "Müller GmbH")
        #expect(account.incoming.draftsFolder == "Entwürfe")
        #expect(account.signature.html == signature.replacingOccurrences(of: "GrÃ¼ÃŸen", with: "Grüßen"))
        #expect(repairs == [
            Finding(rule: "double-encoded-text", severity: .info, field: .displayName,
                    message: "display_name was double-encoded: \"MÃ¼ller GmbH\" stored as \"Müller GmbH\""),
            Finding(rule: "double-encoded-text", severity: .info, field: .incomingDraftsFolder,
                    message: "incoming_drafts_folder was double-encoded: \"EntwÃ¼rfe\" stored as \"Entwürfe\""),
            Finding(rule: "double-encoded-text", severity: .info, field: .signatureHTML,
                    message: "signature_html was double-encoded: \"GrÃ¼ÃŸen</p>\" stored as \"Grüßen</p>\""),
        ])
        #expect(RuleCatalog.validate(account).filter { $0.rule == "double-encoded-text" }.isEmpty)
        #expect(DoubleEncodingRepair.repair(&account).isEmpty)
    }

    /// The fast look (eight ASCII bytes at a time, the shape of UTF-8 checked
    /// as it goes) agrees with the definition, applied the plain way, on
    /// 20,000 texts: random mixes of ASCII, Windows-1252's characters, ones
    /// it lacks and the debris of double encoding, and real texts encoded
    /// once, twice and three times.
    @Test func agreesWithTheDefinitionOnManyTexts() {
        func decodedOnce(_ text: String) -> String? {
            guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return nil }
            var bytes: [UInt8] = []
            for scalar in text.unicodeScalars {
                guard let byte = Windows1252.byte(for: scalar) else { return nil }
                bytes.append(byte)
            }
            return String(validating: bytes, as: UTF8.self)
        }
        func definition(_ text: String) -> String? {
            guard var current = decodedOnce(text) else { return nil }
            for _ in 0..<2 {
                guard let again = decodedOnce(current) else { break }
                current = again
            }
            return current
        }
        func encodedOnceMore(_ text: String) -> String {
            String(String.UnicodeScalarView(text.utf8.map { byte in
                let high = (0x80...0x9F).contains(byte) ? Windows1252.high[Int(byte - 0x80)] : 0
                return Unicode.Scalar(high != 0 ? high : UInt32(byte))!
            }))
        }
        let pieces = [
            "a", "Z", " ", "<p>", "12345678", "Ã", "¼", "Â", "â", "€", "“", "ž", "\u{81}", "\u{80}", "ü", "ß", "ð",
            "Ÿ", "˜", "Ł", "😀", "–", "\n", "©", "Ä",
        ]
        let words = ["Müller", "Grüße – Ihr Team", "„Angebot“ für 5 €", "Łódź", "😀 ok", "Ærø", "plain"]
        var random = SplitMix64(seed: 20261204)
        for round in 0..<20_000 {
            var text: String
            if round % 2 == 0 {
                text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            } else {
                text = words[Int(random.next() % UInt64(words.count))]
                for _ in 0..<Int(random.next() % 4) { text = encodedOnceMore(text) }
            }
            #expect(DoubleEncoding.repaired(text) == definition(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
