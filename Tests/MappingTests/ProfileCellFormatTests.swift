import MailModel
import Testing

@testable import Mappings

/// Cells of a spreadsheet layout in a format of their own: lists
/// (`Nur sichtbar für Mitarbeiter: anna, jörg`) and German dates (`Ab Datum: 1.3.2024`).
@Suite struct ProfileCellFormatTests {
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

    @Test func germanDatesReadAsCalendarDates() throws {
        let profile = BuiltInProfiles.xentral
        let codec = try ProfileCodec(profile)
        let column = profile.columns.firstIndex { $0.header == "Ab Datum" }!
        func fetchFrom(_ cell: String) throws(ProfileValueError) -> CalendarDate? {
            var cells = [String?](repeating: nil, count: profile.columns.count)
            cells[0] = "info@bäckerei-schulz.de"
            cells[column] = cell
            return try codec.account(cells: cells).incoming.fetchFrom
        }
        #expect(try fetchFrom("1.3.2024") == CalendarDate(year: 2024, month: 3, day: 1))
        #expect(try fetchFrom("31.12.2024") == CalendarDate(year: 2024, month: 12, day: 31))
        #expect(throws: ProfileValueError(column: "Ab Datum", value: "2024-03-01", expected: "a date like 31.12.2024")) {
            _ = try fetchFrom("2024-03-01")
        }
        #expect(throws: ProfileValueError(column: "Ab Datum", value: "31.02.2024", expected: "a date like 31.12.2024")) {
            _ = try fetchFrom("31.02.2024")
        }
    }
}
