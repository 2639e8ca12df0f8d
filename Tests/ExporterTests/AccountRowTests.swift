import Importers
import MailModel
import Testing

@testable import Exporters

/// The row the store writes: its texts, key, source and hashes.
@Suite struct AccountRowTests {
    /// The first account of samples/accounts.csv, with the origin a run from
    /// the repository's root gives it.
    func firstSample() throws -> MailAccount {
        let path = #filePath.components(separatedBy: "/Tests/")[0] + "/samples/accounts.csv"
        let reader = try SourceFormat.canonicalCSV.reader(path: path)
        guard case .account(var account, _) = try reader.next() else {
            Issue.record("the first sample is not an account")
            return MailAccount()
        }
        account.identity.origin = "samples/accounts.csv:2"
        return account
    }

    /// Stores keep these hashes on disk: a run of a newer build must find
    /// the accounts an older one stored. The values are those that the build
    /// of 2026-11-23 wrote for this account (`account_state` of a run on samples/).
    @Test func hashesStayWhatEarlierBuildsStored() throws {
        let row = AccountRow(account: try firstSample(), source: SourceReference(file: "samples/accounts.csv", line: 2))
        #expect(row.keyHash == 5_861_767_333_819_150_307)
        #expect(row.contentHash == 1_047_178_813_576_864_466)
    }

    @Test func keyAndSourceTravelWithTheFieldTexts() throws {
        let account = try firstSample()
        let source = SourceReference(file: "samples/accounts.csv", line: 2)
        let row = AccountRow(account: account, source: source)
        #expect(row.naturalKey == NaturalKey(of: account).description)
        #expect(row.naturalKey == "info@mueller-maschinenbau.de\u{1F}mail.mueller-maschinenbau.de\u{1F}info@mueller-maschinenbau.de")
        #expect(row.sourceText == "samples/accounts.csv:2")
        #expect(row.texts == CanonicalField.ordered.map { $0.text(in: account) })
        #expect(row.byteCount == row.texts.reduce(0) { $0 + $1.utf8.count })
    }
}
