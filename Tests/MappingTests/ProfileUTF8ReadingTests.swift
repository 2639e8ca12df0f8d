import MailModel
import Testing

@testable import Mappings

/// `ProfileCodec.fill(_:utf8:)`, which readers call with the bytes of a row,
/// reads what `account(cells:)` reads from Strings: the same account, or the
/// same error, cell for cell, in every built-in layout.
@Suite struct ProfileUTF8ReadingTests {
    /// Words of value maps as written, in other cases, padded and unknown;
    /// dates strict and loose; numbers in and out of range; lists; text.
    static let cells = [
        "", "ja", "JA", " ja ", "x", "nein", "vielleicht", "SSL", "ssl", "TLS", "Keine", "STARTTLS", "Standard",
        "Google OAuth", "1.3.2024", "01.03.2024", "31.12.2024", "31.02.2024", "1..3.2024", "+1.3.2024", "1.3.",
        "2024-03-01", "1234567890.1.2024", "993", "0", "70000", "abc", "-1", "anna, jörg", " , a ,", "Passwört-1",
        "Bäckerei Müller", "imap.kunde.de", "30", "tls", "none", "true", "false", "<p>\"Grüße\"</p>",
    ]

    static let profiles = BuiltInProfiles.all.filter { $0.kind == .columns }.map(\.name)

    /// The outcome as text: every field of the account, or the error.
    func outcome(_ body: () throws(ProfileValueError) -> MailAccount) -> String {
        do {
            let account = try body()
            return CanonicalField.ordered.map { "\($0.name)=\($0.text(in: account))" }.joined(separator: "|")
        } catch {
            return "error: \(error)"
        }
    }

    func both(_ codec: ProfileCodec, _ cells: [String?]) -> (strings: String, bytes: String) {
        let strings = outcome { () throws(ProfileValueError) in try codec.account(cells: cells) }
        let arrays = cells.map { $0.map { Array($0.utf8) } }
        let bytes = outcome { () throws(ProfileValueError) in
            var account = MailAccount()
            try withBuffers(arrays) { (buffers) throws(ProfileValueError) in
                try buffers.withUnsafeBufferPointer { (cells) throws(ProfileValueError) in try codec.fill(&account, utf8: cells) }
            }
            return account
        }
        return (strings, bytes)
    }

    /// Buffers of each array, valid for the call.
    func withBuffers(
        _ arrays: [[UInt8]?], _ body: ([UnsafeBufferPointer<UInt8>?]) throws(ProfileValueError) -> Void
    ) throws(ProfileValueError) {
        var all: [UInt8] = []
        var ranges: [Range<Int>?] = []
        for array in arrays {
            if let array {
                ranges.append(all.count..<all.count + array.count)
                all += array
            } else {
                ranges.append(nil)
            }
        }
        try all.withUnsafeBufferPointer { (base) throws(ProfileValueError) in
            try body(ranges.map { $0.map { UnsafeBufferPointer(rebasing: base[$0]) } })
        }
    }

    @Test(arguments: profiles)
    func eachCellAloneReadsTheSame(profile name: String) throws {
        let profile = try #require(BuiltInProfiles.named(name))
        let codec = try ProfileCodec(profile)
        var compared = 0
        for column in profile.columns.indices {
            for cell in Self.cells {
                var cells = [String?](repeating: nil, count: profile.columns.count)
                cells[column] = cell
                let (strings, bytes) = both(codec, cells)
                #expect(bytes == strings, "\(name) column '\(profile.columns[column].header)' cell '\(cell)'")
                compared += 1
            }
        }
        #expect(compared == profile.columns.count * Self.cells.count)
    }

    /// Every column the same cell: errors come from the first column that
    /// fails, and name no value where the row holds a password.
    @Test(arguments: profiles)
    func aRowOfOneCellEverywhereReadsTheSame(profile name: String) throws {
        let profile = try #require(BuiltInProfiles.named(name))
        let codec = try ProfileCodec(profile)
        for cell in Self.cells {
            let (strings, bytes) = both(codec, [String?](repeating: cell, count: profile.columns.count))
            #expect(bytes == strings, "\(name) cell '\(cell)'")
        }
    }

    /// Only digits and two dots read without a String; anything looser
    /// (`1..3.2024`, `+1.3.2024`) is left to the String reading, which
    /// accepts or rejects it as it always did.
    @Test func germanDatesFromBytes() {
        func date(_ text: String) -> CalendarDate? {
            Array(text.utf8).withUnsafeBufferPointer { ProfileCodec.germanDate($0) }
        }
        #expect(date("1.3.2024") == CalendarDate(year: 2024, month: 3, day: 1))
        #expect(date("01.03.2024") == CalendarDate(year: 2024, month: 3, day: 1))
        #expect(date("31.12.2024") == CalendarDate(year: 2024, month: 12, day: 31))
        #expect(date("31.02.2024") == nil)
        #expect(date("1..3.2024") == nil)
        #expect(date("+1.3.2024") == nil)
        #expect(date("1.3.") == nil)
        #expect(date("1.3.2024.") == nil)
        #expect(date("1234567890.1.2024") == nil)
    }
}
