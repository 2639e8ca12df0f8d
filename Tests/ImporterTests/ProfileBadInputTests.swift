import Foundation
import Importers
import MailModel
import Mappings
import TestSupport
import Testing

/// Bad CSV input in a system's layout: a clear reject or error, reading goes on.
@Suite struct ProfileBadInputTests {
    func read(_ bytes: [UInt8], options: ReadOptions = ReadOptions()) throws -> [ImportItem] {
        let dir = TemporaryDirectory()
        let path = dir.file("in.csv", bytes: bytes)
        let reader = try SourceFormat.canonicalCSV.reader(path: path, options: options)
        var items: [ImportItem] = []
        while let item = try reader.next() { items.append(item) }
        return items
    }

    func describe(_ items: [ImportItem]) -> [String] {
        items.map { item in
            switch item {
            case .account(let a, let s): "\(s.line ?? 0) account \(a.identity.email)"
            case .reject(let r): "\(r.source.line ?? 0) reject \(r.reason)"
            case .skipped(let s, _): "\(s.line ?? 0) skipped"
            }
        }
    }

    static let header = "EmailAddress,UserName,Password\n"

    @Test func anUnbalancedQuoteRejectsItsRecordAndReadingResumes() throws {
        let text = Self.header + "a@x.de,a,\"pw\n" + "b@x.de,b,pw2\n"
        let items = describe(try read(Array(text.utf8)))
        #expect(items.first?.hasPrefix("2 reject ") == true)
        #expect(items.last == "3 account b@x.de")
    }

    @Test func aWrongColumnCount() throws {
        let text = Self.header + "a@x.de,a\nb@x.de,b,pw,extra\nc@x.de,c,pw\n"
        #expect(describe(try read(Array(text.utf8))) == [
            "2 reject expected 3 fields, found 2", "3 reject expected 3 fields, found 4", "4 account c@x.de",
        ])
    }

    @Test func invalidBytesForTheChosenEncoding() throws {
        // Forced UTF-8, but Latin-1 bytes in line 2.
        let bytes = Array(Self.header.utf8) + Array("m@x.de,M".utf8) + [0xFC] + Array("ller,pw\nb@x.de,b,pw\n".utf8)
        let utf8 = describe(try read(bytes, options: ReadOptions(encoding: .utf8)))
        #expect(utf8 == ["2 reject invalid UTF-8 in column 2 ('UserName')", "3 account b@x.de"])
        // Windows-1252 leaves 0x81 undefined.
        let cp = Array(Self.header.utf8) + Array("m@x.de,M".utf8) + [0x81] + Array(",pw\nb@x.de,b,pw\n".utf8)
        #expect(describe(try read(cp, options: ReadOptions(encoding: .windows1252)))
            == ["2 reject bytes that are not valid windows-1252 in column 2 ('UserName')", "3 account b@x.de"])
        // Detected: the same Latin-1 bytes read as Windows-1252.
        guard case .account(let a, _) = try read(bytes).first else {
            Issue.record("not read")
            return
        }
        #expect(a.incoming.userName == "Müller")
    }

    /// Detection weighs what is UTF-8 against what is not: a UTF-8 file
    /// with one line pasted from a Windows-1252 file is read as UTF-8, the
    /// line rejected by its number, the others unharmed; a Windows-1252 file
    /// stays Windows-1252 although „Gruß“ holds a UTF-8-shaped pair (ß“ is
    /// 0xDF 0x93); as many of one as of the other reads as Windows-1252.
    @Test func detectionWeighsUTF8AgainstStrayBytes() throws {
        let pasted = Array((Self.header + "m@x.de,Müller,Jürgen\n").utf8) + Array("b@x.de,B".utf8) + [0xFC]
            + Array("cker,pw\nc@x.de,Köln,pw\n".utf8)
        #expect(describe(try read(pasted)) == ["2 account m@x.de", "3 reject invalid UTF-8 in column 2 ('UserName')", "4 account c@x.de"])
        guard case .account(let m, _)? = try read(pasted).first else { Issue.record("not read"); return }
        #expect(m.incoming.userName == "Müller")

        let gruss = Array(Self.header.utf8) + Array("g@x.de,Gru".utf8) + [0xDF, 0x93] + Array(" K".utf8) + [0xF6]
            + Array("ln-S".utf8) + [0xFC] + Array("d,pw\n".utf8)
        guard case .account(let g, _)? = try read(gruss).first else { Issue.record("not read"); return }
        #expect(g.incoming.userName == "Gruß“ Köln-Süd")

        let tie = Array((Self.header + "m@x.de,Müller,pw\n").utf8) + Array("b@x.de,B".utf8) + [0xFC] + Array("cker,pw\n".utf8)
        #expect(try read(tie).compactMap { item -> String? in
            if case .account(let a, _) = item { a.incoming.userName } else { nil }
        } == ["MÃ¼ller", "Bücker"])
    }

    /// A record that is not UTF-8 names its column's heading where the file
    /// has headings (canonical CSV and the profiles with a header row), and
    /// only its number in a headerless layout, whose first line is data.
    @Test func invalidUTF8NamesTheColumnsHeading() throws {
        let canonical = Array("email,display_name,incoming_host\n".utf8) + Array("a@x.de,M".utf8) + [0xFF]
            + Array(",imap.x.de\nb@x.de,B,imap.x.de\n".utf8)
        #expect(describe(try read(canonical, options: ReadOptions(encoding: .utf8)))
            == ["2 reject invalid UTF-8 in column 2 ('display_name')", "3 account b@x.de"])
        let imapsync = Array("imap.a.de;a@x.de;pw;imap.b.de;a@x.de;pw;\nimap.a.de;c@x.de;p".utf8) + [0xFF]
            + Array("w;imap.b.de;c@x.de;pw;\n".utf8)
        let headerless = describe(try read(imapsync, options: ReadOptions(encoding: .utf8)))
        #expect(headerless == ["1 account ", "2 reject invalid UTF-8 in column 3"])  // imapsync lines hold logins, no address
    }

    @Test func utf16WithBOM() throws {
        let text = "E-Mail-Adresse;Anzeigename;Kontotyp\r\njörg@x.de;Jörg 😀;IMAP\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        guard case .account(let a, _) = try read(bytes).first else {
            Issue.record("not read")
            return
        }
        #expect(a.identity.email == "jörg@x.de" && a.identity.displayName == "Jörg 😀" && a.incoming.protocolKind == .imap)
    }

    @Test func anEmptyFileAndAHeaderOnly() throws {
        #expect(throws: InputError.invalidHeader(path: "", line: 1, reason: "empty file: expected a header row")) {
            do { _ = try read([]) } catch let InputError.invalidHeader(_, line, reason) {
                throw InputError.invalidHeader(path: "", line: line, reason: reason)
            }
        }
        #expect(try read(Array(Self.header.utf8)).isEmpty)
    }

    @Test func aHeaderThatMatchesNoProfileListsItsColumns() throws {
        do {
            _ = try read(Array("Kundennummer;Straße;Ort\n1;Weg 1;Köln\n".utf8))
            Issue.record("read")
        } catch let InputError.invalidHeader(_, line, reason) {
            #expect(line == 1)
            #expect(reason == "the header matches no profile; unknown columns: Kundennummer, Straße, Ort (mailmigrate profiles lists the known ones)")
        }
    }

    /// `--profile` or `--mapping` naming a layout the file is not in: every
    /// record would become an empty account, so the header stops the read.
    @Test func anAskedProfileThatKnowsNoneOfTheHeader() throws {
        func reason(_ text: String, asked profile: MappingProfile) throws -> String? {
            do {
                _ = try read(Array(text.utf8), options: ReadOptions(profile: profile))
            } catch let InputError.invalidHeader(_, line, reason) {
                #expect(line == 1)
                return reason
            }
            return nil
        }
        #expect(try reason("email,incoming_host\na@x.de,imap.x.de\n", asked: BuiltInProfiles.m365)
            == "the header has none of profile m365's columns; unknown columns: email, incoming_host (without --profile it would be read as canonical CSV)")
        #expect(try reason("E-Mail Adresse;IMAP-Server;Benutzername\na@x.de;imap.x.de;a\n", asked: BuiltInProfiles.m365)
            == "the header has none of profile m365's columns; unknown columns: E-Mail Adresse, IMAP-Server, Benutzername (without --profile it would be read as profile xentral)")
        #expect(try reason("Kundennummer;Ort\n1;Köln\n", asked: BuiltInProfiles.m365)
            == "the header has none of profile m365's columns; unknown columns: Kundennummer, Ort (mailmigrate profiles lists the known ones)")
    }

    /// An asked profile that knows some of the columns reads the file and names the rest (kept as extras).
    @Test func anAskedProfileNamesTheColumnsItKeepsAsExtras() throws {
        let told = Told()
        let items = try read(
            Array("EmailAddress,UserName,Password,Kostenstelle\na@x.de,a,pw,4100\n".utf8),
            options: ReadOptions(profile: BuiltInProfiles.m365, announce: { told.add($0) }))
        #expect(told.lines.count == 1 && told.lines.first?.hasSuffix("in.csv: profile m365 (as asked; kept as extras: Kostenstelle)") == true)
        guard case .account(let account, _)? = items.first else { Issue.record("\(items)"); return }
        #expect(account.identity.email == "a@x.de" && account.extras == [ExtraField(name: "Kostenstelle", value: "4100")])
        let whole = Told()
        _ = try read(Array(Self.header.utf8), options: ReadOptions(profile: BuiltInProfiles.m365, announce: { whole.add($0) }))
        #expect(whole.lines.first?.hasSuffix("in.csv: profile m365 (as asked)") == true)
    }

    /// Two header cells for one column (or one extra name twice): one of
    /// them would be lost, so the header stops the read.
    @Test func aColumnTwiceInTheHeader() throws {
        func reason(_ text: String) throws -> String? {
            do {
                _ = try read(Array(text.utf8))
            } catch let InputError.invalidHeader(_, line, reason) {
                #expect(line == 1)
                return reason
            }
            return nil
        }
        #expect(try reason("EmailAddress,UserName,UserName,Password\na@x.de,a,b,pw\n") == "column 'UserName' appears twice in the header")
        #expect(try reason("E-Mail;E-Mail Adresse;IMAP-Server\na@x.de;b@x.de;imap.x.de\n")
            == "columns 'E-Mail' and 'E-Mail Adresse' are the same column of profile xentral")
        #expect(try reason("EmailAddress,UserName,Password,Kst,Kst\na@x.de,a,pw,1,2\n") == "column 'Kst' appears twice in the header")
    }

    @Test func twoProfilesThatFitEquallyAskForOne() throws {
        switch ProfileDetector.choose(header: ["Benutzername", "Passwort"], among: BuiltInProfiles.all) {
        case .failure(let failure):
            #expect(failure.description == "the header fits the profiles xentral, openxe, crm and mat equally (2 columns each): give --profile")
        case .success(let choice):
            Issue.record("chose \(choice)")
        }
    }

    @Test func aValueTheProfileCannotRead() throws {
        let text = "Postfach;Antwort;Absender\na@x.de;vielleicht;ja\nb@x.de;ja;nein\n"
        #expect(describe(try read(Array(text.utf8))) == [
            "2 reject column 'Antwort': expected ja or nein, found 'vielleicht'", "3 account b@x.de",
        ])
    }

    /// Columns shifted by hand can put the password where a yes/no belongs: never quoted then.
    @Test func aRowWithAPasswordNeverHasItsValueQuoted() throws {
        let text = "Postfach;Kennwort;Antwort\na@x.de;x;Geheim!42\n"
        let reasons = describe(try read(Array(text.utf8)))
        #expect(reasons == ["2 reject column 'Antwort': expected ja or nein (value not shown: the row holds a password)"])
        #expect(!reasons.joined().contains("Geheim"))
    }
}
