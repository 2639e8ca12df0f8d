import MailModel
import Testing

@testable import Mappings

/// A value map's word that means nothing (MAT's `nein` for "import inquiries")
/// is what a layout writes for any value it cannot hold, and the conversion
/// reports that field as lost. The profile fuzzer (`scripts/fuzz profile`)
/// found that a word the map does not know, read as text, goes the same way.
@Suite struct ProfileCatchAllWordTests {
    let profile = BuiltInProfiles.mat
    var importColumn: Int { profile.columns.firstIndex { $0.header == "E-Mail-Anfragen automatisch importieren" }! }

    func row(importCell: String) -> [String?] {
        var cells = [String?](repeating: nil, count: profile.columns.count)
        cells[0] = "info@bäckerei-schulz.de"
        cells[importColumn] = importCell
        return cells
    }

    @Test func theMapsWordsReadAndWriteBack() throws {
        let codec = try ProfileCodec(profile)
        let imports = try codec.account(cells: row(importCell: "ja"))
        #expect(imports.incoming.protocolKind == .imap)
        #expect(codec.cells(for: imports)[importColumn] == "ja")
        #expect(codec.lostFields(of: imports) == [])

        let doesNot = try codec.account(cells: row(importCell: "nein"))
        #expect(doesNot.incoming.protocolKind == nil)
        #expect(codec.cells(for: doesNot)[importColumn] == "nein")
        #expect(codec.lostFields(of: doesNot) == [])
    }

    @Test func anUnknownWordIsKeptThenWrittenAsTheCatchAllAndReported() throws {
        let codec = try ProfileCodec(profile)
        let account = try codec.account(cells: row(importCell: "vielleicht"))
        #expect(account.incoming.protocolKind == .unrecognized("vielleicht"))
        #expect(codec.cells(for: account)[importColumn] == "nein")
        #expect(codec.lostFields(of: account) == ["incoming_protocol"])
    }

    @Test func aProtocolTheLayoutCannotHoldIsWrittenAsTheCatchAllAndReported() throws {
        let codec = try ProfileCodec(profile)
        var account = MailAccount()
        account.identity.email = "info@bäckerei-schulz.de"
        account.incoming.protocolKind = .pop3
        #expect(codec.cells(for: account)[importColumn] == "nein")
        #expect(codec.lostFields(of: account) == ["incoming_protocol"])
    }
}
