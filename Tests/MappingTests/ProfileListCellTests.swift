import MailModel
import Testing

@testable import Mappings

/// List cells of a spreadsheet layout (`Nur sichtbar für Mitarbeiter: anna, jörg`).
@Suite struct ProfileListCellTests {
    @Test func itemsAreSplitAtCommasAndTrimmed() {
        #expect(ProfileCodec.listItems(" anna , jörg,,\tmkrause\t, ") == ["anna", "jörg", "mkrause"])
        #expect(ProfileCodec.listItems("") == [])
        #expect(ProfileCodec.listItems(" , \t") == [])
        #expect(ProfileCodec.listItems("a;b") == ["a;b"])  // a semicolon belongs to the item
    }

    @Test func aListColumnSetsItsListField() throws {
        let profile = BuiltInProfiles.xentral
        let codec = try ProfileCodec(profile)
        var cells = [String?](repeating: nil, count: profile.columns.count)
        cells[0] = "info@bäckerei-schulz.de"
        cells[profile.columns.firstIndex { $0.header == "Nur sichtbar für Mitarbeiter" }!] = "anna, jörg;x ,"
        let account = try codec.account(cells: cells)
        #expect(account.roles.visibleToUsers == ["anna", "jörg;x"])
        #expect(CanonicalField.visibleToUsers.text(in: account) == "anna;jörg\\;x")
    }
}
