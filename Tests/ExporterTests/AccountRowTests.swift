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

    /// Rows made in a batch are the rows made alone, and one after the other
    /// in the buffers they share (the store frees a batch with two frees).
    @Test func rowsOfABatchAreTheRowsMadeAloneInSharedBuffers() throws {
        var accounts = [try firstSample()]
        var second = try firstSample()
        second.identity.email = "zweite@mueller-maschinenbau.de"
        second.identity.displayName = "Zweites Postfach mit Ümlauten"
        accounts.append(second)
        accounts.append(MailAccount())
        var batch = AccountRowBatch(rows: 1, bytes: 16)  // smaller than needed: the buffers grow
        for (index, account) in accounts.enumerated() {
            batch.append(account: account, source: SourceReference(file: "in.csv", line: index + 2))
        }
        #expect(batch.count == 3)
        let rows = batch.finish()
        try #require(rows.count == 3)
        for (index, account) in accounts.enumerated() {
            let alone = AccountRow(account: account, source: SourceReference(file: "in.csv", line: index + 2))
            #expect(rows[index].texts == alone.texts)
            #expect(rows[index].naturalKey == alone.naturalKey)
            #expect(rows[index].sourceText == "in.csv:\(index + 2)")
            #expect(rows[index].keyHash == alone.keyHash)
            #expect(rows[index].contentHash == alone.contentHash)
            #expect(Array(rows[index].bytes) == Array(alone.bytes))
            #expect(Array(rows[index].ends) == Array(alone.ends))
        }
        #expect(rows[1].bytes.startIndex == rows[0].bytes.endIndex)
        #expect(rows[2].bytes.startIndex == rows[1].bytes.endIndex)
        #expect(rows[1].ends.startIndex == rows[0].ends.endIndex)
        let bases = rows.map { row in row.bytes.withUnsafeBufferPointer { $0.baseAddress! } }
        #expect(bases[1] == bases[0] + rows[0].bytes.count)
    }

    /// A row larger than the room left in the batch is written again after
    /// the buffer grows; the rows before it stay as they were.
    @Test func aRowLargerThanTheRoomLeftIsWrittenAgain() throws {
        let small = try firstSample()
        var large = try firstSample()
        large.signature.html = "<p>" + String(repeating: "Grüße ", count: 4_000) + "</p>"
        var batch = AccountRowBatch(rows: 2, bytes: 2_000)
        batch.append(account: small, source: SourceReference(file: "in.csv", line: 2))
        let firstBytes = batch.byteCount
        batch.append(account: large, source: SourceReference(file: "in.csv", line: 3))
        let rows = batch.finish()
        try #require(rows.count == 2)
        #expect(rows[0].texts == CanonicalField.ordered.map { $0.text(in: small) })
        #expect(rows[1].texts == CanonicalField.ordered.map { $0.text(in: large) })
        #expect(rows[1].sourceText == "in.csv:3")
        #expect(rows[0].bytes.count == firstBytes)
        #expect(rows[1].byteCount == 32_000 + 7 + rows[0].byteCount - small.signature.html.utf8.count)
    }
}
