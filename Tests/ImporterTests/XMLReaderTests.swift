import Foundation
import Importers
import MailModel
import Testing

/// mysqldump --xml and the account XML; bad XML of every kind.
@Suite struct XMLReaderTests {
    func read(_ bytes: [UInt8], name: String = "a.xml", includeDeleted: Bool = false) throws -> [ImportItem] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xml-\(UUID().uuidString)-\(name)")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let reader = try SourceFormat.xml.reader(path: url.path, options: ReadOptions(includeDeleted: includeDeleted))
        var items: [ImportItem] = []
        while let item = try reader.next() { items.append(item) }
        return items
    }

    func rejectText(_ item: ImportItem?) -> String? {
        guard case .reject(let r) = item else { return nil }
        return "\(r.source.line.map(String.init) ?? "-"): \(r.reason)"
    }

    static let dumpXML = try! Data(contentsOf: OpenXEFixtureTests.directory.appendingPathComponent("dump.xml"))

    /// The XML dump gives exactly the accounts of the SQL dump.
    @Test func mysqldumpXMLGivesTheDumpAccounts() throws {
        let items = try read(Array(Self.dumpXML), includeDeleted: true)
        #expect(items.count == 8)
        for item in items {
            guard case .account(var account, let source) = item else {
                Issue.record("\(item)")
                continue
            }
            account.identity.origin = ""
            let detail = try #require(source.detail)
            let id = String(detail.split(separator: "=").last!)
            let dump = try #require(detail.hasPrefix("emailbackup") ? OpenXEPageReaderTests.dumpAccounts[id] : defaultAccount())
            for field in CanonicalField.ordered {
                #expect(field.text(in: account) == field.text(in: dump), "\(detail) \(field.name)")
            }
            #expect(account == dump)
        }
    }

    func defaultAccount() throws -> MailAccount {
        let path = OpenXEFixtureTests.directory.appendingPathComponent("default.sql").path
        let reader = OpenXEDumpReader(stream: try InputOpener.open(path), path: path)
        while let item = try reader.next() {
            if case .account(var a, let source) = item, source.detail == "firmendaten id=2" {
                a.identity.origin = ""
                return a
            }
        }
        throw CancellationError()
    }

    /// mysqldump writes control characters unescaped: that row is one reject
    /// with its line, every other row comes through.
    @Test func aBrokenRowIsRejectedAndTheOthersRead() throws {
        var text = String(decoding: Self.dumpXML, as: UTF8.self)
        text = text.replacingOccurrences(of: "<field name=\"benutzername\">vertrieb</field>", with: "<field name=\"benutzername\">ver\u{1}trieb</field>")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let brokenLine = try #require(lines.firstIndex { $0.contains("ver\u{1}trieb") }) + 1
        let items = try read(Array(text.utf8))
        #expect(items.count == 8)  // rows 1, 3, 5, 6, 7, the skipped row 4, the default account, row 2's reject
        let rejects = items.compactMap(rejectText)
        #expect(rejects == ["\(brokenLine): this row is not well-formed XML (column 33: PCDATA invalid Char value 1); the other rows are read"])
        let accounts = items.compactMap { item -> String? in
            if case .account(let a, _) = item { return a.identity.email } else { return nil }
        }
        #expect(accounts == [
            "info@mueller-maschinenbau.de", "kundenservice.schaefer@gmail.com", "test@example.de", "presse@example.de", "",
            "noreply@becker-druck.de",
        ])
    }

    static let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE accounts [
        <!ENTITY lol "lol">
        <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
        <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
        <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
        <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
        <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <accounts>
        <account><email>&lol9;</email></account>
        </accounts>

        """

    /// A billion laughs: refused at once, nothing expanded.
    @Test func billionLaughs() throws {
        let started = Date()
        let items = try read(Array(Self.laughs.utf8))
        #expect(items.count == 1)
        let text = try #require(rejectText(items.first))
        // The line of the reference (libxml2 itself names line 1 of the entity's text).
        #expect(text == "14: the document's own entities expand into one another too far (an entity bomb): refused, entities are not expanded; the rest of the file cannot be read")
        #expect(!text.contains("lollol"))
        #expect(Date().timeIntervalSince(started) < 5)  // a guard against expansion, not a speed target
        // Through the whole-document parser as well (autoconfig files, pages).
        #expect(throws: InputError.self) { try MarkupParser.xml(Array(Self.laughs.utf8), path: "l.xml") }
    }

    /// An external entity pointing at a local file: refused, and its content appears nowhere.
    @Test func externalEntityNeverReadsTheFile() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID().uuidString).txt")
        try Data("TOPSECRET-4711".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let doc = """
            <?xml version="1.0"?>
            <!DOCTYPE accounts [<!ENTITY xxe SYSTEM "file://\(secret.path)">]>
            <accounts>
            <account><email>&xxe;</email><display_name>x</display_name></account>
            </accounts>

            """
        let items = try read(Array(doc.utf8))
        #expect(items.count == 1)
        #expect(rejectText(items.first) == "4: the document uses an entity of its own (&xxe;): refused, entities are not expanded; the rest of the file cannot be read")
        #expect(!"\(items)".contains("TOPSECRET"))
        do {
            _ = try MarkupParser.xml(Array(doc.utf8), path: "x.xml")
            Issue.record("parsed")
        } catch {
            #expect(!"\(error)".contains("TOPSECRET"))
            #expect("\(error)" == "x.xml: the document declares entities in a DTD: refused (entities are never expanded)")
        }
    }

    @Test func malformedXMLHasLineAndColumn() throws {
        let items = try read(Array("<accounts>\n<account>\n<email>a@b.de</emial>\n</account>\n</accounts>\n".utf8))
        #expect(items.compactMap(rejectText) == ["3: column 22: Opening and ending tag mismatch: email line 3 and emial; the rest of the file cannot be read"])
    }

    @Test func aTruncatedFileKeepsTheAccountsBeforeTheCut() throws {
        let items = try read(Array("<accounts>\n<account><email>a@b.de</email></account>\n<account><email>c@d".utf8))
        #expect(items.count == 2)
        if case .account(let a, let source) = items[0] { #expect(a.identity.email == "a@b.de" && source.line == 2) } else { Issue.record("\(items[0])") }
        #expect(rejectText(items[1]) == "3: column 20: Extra content at the end of the document (the file ends here: cut off?); the rest of the file cannot be read")
    }

    @Test func aWrongEncodingDeclaration() throws {
        let latin1: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<accounts>\n<account><display_name>M".utf8) + [0xFC]
            + Array("ller</display_name></account>\n</accounts>\n".utf8)
        #expect(try read(latin1).compactMap(rejectText) == [
            "3: column 25: Input is not proper UTF-8, indicate encoding ! Bytes: 0xFC 0x6C 0x6C 0x65; the rest of the file cannot be read",
        ])
        let unknown = Array("<?xml version=\"1.0\" encoding=\"klingon\"?>\n<accounts/>\n".utf8)
        #expect(try read(unknown).compactMap(rejectText) == ["1: column 39: Unsupported encoding klingon; the rest of the file cannot be read"])
        // Declared correctly, Latin-1 reads.
        let declared = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<accounts><account><display_name>M".utf8) + [0xFC]
            + Array("ller</display_name></account></accounts>\n".utf8)
        guard case .account(let a, _) = try read(declared).first else {
            Issue.record("not read")
            return
        }
        #expect(a.identity.displayName == "Müller")
    }

    /// No declaration and not UTF-8: read as Windows-1252, the German Excel/ERP default.
    @Test func undeclaredWindows1252() throws {
        let cp1252: [UInt8] = Array("<accounts>\n<account><display_name>M".utf8) + [0xFC] + Array("ller ".utf8) + [0x80]
            + Array("</display_name></account>\n</accounts>\n".utf8)
        guard case .account(let a, _) = try read(cp1252).first else {
            Issue.record("not read")
            return
        }
        #expect(a.identity.displayName == "Müller €")
    }

    @Test func otherXMLIsNamed() throws {
        #expect(try read(Array("<?xml version=\"1.0\"?>\n<!-- x -->\n<kunden/>".utf8)).compactMap(rejectText)
            == ["-: unknown XML (root element <kunden>; expected <accounts> or <mysqldump>)"])
        let autoconfig = try Data(contentsOf: URL(fileURLWithPath: AutoconfigReaderTests.ispdb + "/free.fr.xml"))
        #expect(try read(Array(autoconfig)).compactMap(rejectText)
            == ["-: an autoconfig file describes a provider, not accounts (use it with --providers)"])
    }
}
