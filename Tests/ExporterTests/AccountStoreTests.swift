import TestSupport
import Foundation
import MailModel
import Testing

@testable import Exporters

@Suite struct AccountStoreTests {
    func account(_ email: String, host: String = "imap.example.de", port: Int = 993) -> MailAccount {
        var a = MailAccount()
        a.identity.email = email
        a.identity.displayName = "Jürgen Köhler"
        a.incoming.protocolKind = .imap
        a.incoming.host = host
        a.incoming.port = port
        a.incoming.security = .tls
        a.incoming.userName = email
        a.incoming.password = Secret("Geheim!1")
        a.roles.visibleToUsers = ["anna", "bernd"]
        a.extras = [ExtraField(name: "Kundennummer", value: "K-1")]
        return a
    }

    func row(_ a: MailAccount, line: Int) -> AccountRow {
        AccountRow(account: a, source: SourceReference(file: "in.csv", line: line))
    }

    /// Every stored finding in insertion order, as `account|source|rule|severity|field|message|fix`
    /// with field and fix quoted (`NULL` for a missing one).
    func storedFindings(_ db: SQLiteConnection) throws -> [String] {
        let rows = try db.prepare(
            "SELECT account_id, source, rule, severity, quote(field), message, quote(fix) FROM findings ORDER BY id")
        var found: [String] = []
        while try rows.step() { found.append((0..<7).map { rows.text(Int32($0)) }.joined(separator: "|")) }
        return found
    }

    @Test func databaseFileIsCreatedWithMode0600() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/s.sqlite"
        let store = try AccountStore(path: path)
        _ = try store.beginRun(sources: ["in.csv"])
        _ = try store.store(row(account("a@x.de"), line: 2))
        _ = try store.finishRun()
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try store.schemaVersionOnDisk() == AccountStore.schemaVersion)
    }

    @Test func upsertByNaturalKeyCountsNewUpdatedUnchanged() throws {
        let dir = TemporaryDirectory()
        let store = try AccountStore(path: dir.path + "/s.sqlite")
        _ = try store.beginRun(sources: ["in.csv"])
        #expect(try store.store(row(account("a@x.de"), line: 2)) == .inserted(id: 1))
        #expect(try store.store(row(account("b@x.de"), line: 3)) == .inserted(id: 2))
        let first = try store.finishRun().0
        #expect(first == {
            var s = RunSummary()
            s.runID = 1; s.recordsRead = 2; s.accountsNew = 2
            return s
        }())

        _ = try store.beginRun(sources: ["in.csv"])
        // Same account, other case in the key fields: the same account, unchanged otherwise?
        var changed = account("b@x.de", port: 143)
        changed.incoming.security = .starttls
        #expect(try store.store(row(account("A@X.DE"), line: 2)) == .updated(id: 1))  // the address text changed
        #expect(try store.store(row(changed, line: 3)) == .updated(id: 2))
        #expect(try store.store(row(account("c@x.de"), line: 4)) == .inserted(id: 3))
        let second = try store.finishRun().0
        #expect(second.accountsUpdated == 2 && second.accountsNew == 1 && second.recordsRead == 3)

        _ = try store.beginRun(sources: ["in.csv"])
        #expect(try store.store(row(account("A@X.DE"), line: 2)) == .unchanged(id: 1))
        let third = try store.finishRun().0
        #expect(third.accountsUnchanged == 1 && third.recordsRead == 1)
        #expect(try store.count("accounts") == 3)
        #expect(try store.count("runs") == 3)
    }

    /// With the filter's candidates (default limit), and with SQLite listing
    /// the duplicates because the filter gave up at once (limit 0).
    @Test(arguments: [AppendedKeyFilter.defaultCandidateLimit, 0])
    func theSameAccountTwiceInARunOnAnEmptyStoreIsRejectedAtTheEnd(candidateLimit: Int) throws {
        let dir = TemporaryDirectory()
        let store = try AccountStore(path: dir.path + "/s.sqlite")
        store.appendedKeyCandidateLimit = candidateLimit
        _ = try store.beginRun(sources: ["in.csv"])
        _ = try store.store(row(account("a@x.de"), line: 2))
        _ = try store.store(row(account("b@x.de"), line: 3))
        _ = try store.store(row(account("A@x.de"), line: 9))  // same natural key as line 2
        try store.recordFinding(
            accountID: 3, source: SourceReference(file: "in.csv", line: 9), rule: "duplicate-account",
            severity: "error", field: "email", message: "m", fix: nil)
        try store.recordFinding(
            accountID: 1, source: SourceReference(file: "in.csv", line: 2), rule: "cleartext-connection",
            severity: "warning", field: nil, message: "m", fix: "f")
        let (summary, late) = try store.finishRun()
        #expect(try store.count("findings") == 1)  // the duplicate's finding went with it
        #expect(store.findingsWithdrawn == ["error": 1])
        #expect(summary.recordsRead == 3 && summary.accountsNew == 2 && summary.rejected == 1)
        #expect(late.map(\.source) == ["in.csv:9"])
        #expect(try store.count("accounts") == 2)
        #expect(try store.count("account_state") == 2)
        #expect(try store.count("rejects") == 1)
        var emails: [String] = []
        try store.forEachAccount { emails.append($0.identity.email) }
        #expect(emails == ["a@x.de", "b@x.de"])
        // The key index exists again for the next run.
        _ = try store.beginRun(sources: ["in.csv"])
        #expect(try store.store(row(account("b@x.de"), line: 3)) == .unchanged(id: 2))
        _ = try store.finishRun()
    }

    /// A run on an empty store inserts its accounts in groups of
    /// `AppendBatch.rowsPerStatement`, the rest one by one at the end: 37
    /// accounts make two groups and five single rows.
    @Test func aRunOnAnEmptyStoreInsertsGroupsAndTheRestWithTheIdsItReturned() throws {
        #expect(AppendBatch.rowsPerStatement == 16)
        let dir = TemporaryDirectory()
        let path = dir.path + "/s.sqlite"
        let store = try AccountStore(path: path)
        _ = try store.beginRun(sources: ["in.csv"])
        var stored: [MailAccount] = []
        var outcomes: [StoreOutcome] = []
        for n in 1...38 {
            // Line 21 repeats line 5's account (n = 4): a duplicate inside the second group.
            var a = n == 20 ? account("user4@x.de") : account("user\(n)@x.de", port: 990 + n)
            if n == 20 { a.incoming.port = 994 }
            a.identity.displayName = "Nutzer \(n)"
            outcomes.append(try store.store(row(a, line: n + 1)))
            if n != 20 { stored.append(a) }
        }
        #expect(outcomes == (1...38).map { StoreOutcome.inserted(id: Int64($0)) })
        let (summary, late) = try store.finishRun()
        #expect(summary.accountsNew == 37 && summary.rejected == 1)
        #expect(late.map(\.source) == ["in.csv:21"])
        var back: [MailAccount] = []
        try store.forEachAccount { back.append($0) }
        #expect(back == stored)
        let db = try SQLiteConnection(path: path, create: false)
        let rows = try db.prepare(
            """
            SELECT a.id, a.display_name, s.last_source, s.first_seen_run, s.last_seen_run FROM accounts a
                JOIN account_state s ON s.account_id = a.id ORDER BY a.id
            """)
        var joined: [String] = []
        while try rows.step() {
            joined.append("\(rows.int64(0)) \(rows.text(1)) \(rows.text(2)) \(rows.int64(3))/\(rows.int64(4))")
        }
        #expect(joined == (1...38).filter { $0 != 20 }.map { "\($0) Nutzer \($0) in.csv:\($0 + 1) 1/1" })
        // The next run finds them by key again.
        _ = try store.beginRun(sources: ["in.csv"])
        #expect(try store.store(row(stored[36], line: 39)) == .unchanged(id: 38))
        #expect(try store.store(row(account("neu@x.de"), line: 40)) == .inserted(id: 39))
        _ = try store.finishRun()
    }

    /// A group's statement writes the fields every group so far left empty
    /// as constants; a later group that fills one of them still stores it.
    /// Accounts 1-16 leave the description and the sent folder empty, account
    /// 20 (second group) has a description, account 40 (third group) a sent
    /// folder, and accounts 49 and 50 are inserted one by one at the end.
    @Test func fieldsTheFirstGroupsLeftEmptyAreStoredWhenALaterGroupFillsThem() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/s.sqlite"
        let store = try AccountStore(path: path)
        _ = try store.beginRun(sources: ["in.csv"])
        var stored: [MailAccount] = []
        for n in 1...50 {
            var a = account("user\(n)@x.de")
            if n == 20 { a.identity.description = "Vertrieb Süd" }
            if n == 40 { a.incoming.sentFolder = "INBOX.Gesendet" }
            #expect(try store.store(row(a, line: n + 1)) == .inserted(id: Int64(n)))
            stored.append(a)
        }
        _ = try store.finishRun()
        var back: [MailAccount] = []
        try store.forEachAccount { back.append($0) }
        #expect(back == stored)
        let db = try SQLiteConnection(path: path, create: false)
        let rows = try db.prepare(
            "SELECT id, quote(description), quote(incoming_sent_folder), quote(incoming_copy_to_sent) FROM accounts ORDER BY id")
        var columns: [String] = []
        while try rows.step() { columns.append((0..<4).map { rows.text(Int32($0)) }.joined(separator: " ")) }
        // An empty text is NULL whether written as a constant (the groups) or
        // bound (the last two accounts); a switch that is off (never empty, so
        // always bound) is 0.
        #expect(columns == (1...50).map { n in
            "\(n) \(n == 20 ? "'Vertrieb Süd'" : "NULL") \(n == 40 ? "'INBOX.Gesendet'" : "NULL") 0"
        })
    }

    /// Findings are bound from one reused buffer: each text exactly, a
    /// missing field or fix as NULL and an empty one as empty text; the
    /// index by run is there after a first run.
    @Test func findingsKeepTheirExactTextsAndTheIndexByRun() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/s.sqlite"
        let store = try AccountStore(path: path)
        _ = try store.beginRun(sources: ["in.csv"])
        let first = row(account("a@x.de"), line: 2)
        #expect(try store.store(first) == .inserted(id: 1))
        try store.recordFinding(
            accountID: 1, of: first, rule: "cleartext-connection", severity: "warning", field: "incoming_security",
            message: "IMAP connection is not encrypted", fix: "Use implicit TLS")
        try store.recordFinding(
            accountID: 1, of: first, rule: "unknown-placeholder", severity: "error", field: nil,
            message: "Grüße – {UNBEKANNT} ✓", fix: nil)
        try store.recordFinding(
            accountID: 1, source: SourceReference(file: "x.sql", line: 7, detail: "emailbackup id=3"), rule: "r",
            severity: "info", field: "", message: "m", fix: "")
        _ = try store.finishRun()
        let db = try SQLiteConnection(path: path, create: false)
        #expect(try storedFindings(db) == [
            "1|in.csv:2|cleartext-connection|warning|'incoming_security'|IMAP connection is not encrypted|'Use implicit TLS'",
            "1|in.csv:2|unknown-placeholder|error|NULL|Grüße – {UNBEKANNT} ✓|NULL",
            "1|x.sql:7 (emailbackup id=3)|r|info|''|m|''",
        ])
        #expect(try db.text("SELECT group_concat(name) FROM sqlite_master WHERE tbl_name = 'findings' AND type = 'index'")
            == "findings_by_run")
    }

    /// Findings go in 16 to a statement (`FindingBatch`), the rest when the
    /// run ends: 37 findings of 12 accounts (two full groups and five
    /// single rows) keep their order, their account and every text, and a
    /// run that is abandoned keeps none of them.
    @Test func findingsInGroupsKeepOrderAccountAndTexts() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/s.sqlite"
        let store = try AccountStore(path: path)
        _ = try store.beginRun(sources: ["in.csv"])
        var expected: [String] = []
        for number in 1...12 {
            let stored = row(account("k\(number)@x.de"), line: number + 1)
            guard case .inserted(let id) = try store.store(stored) else { Issue.record("not inserted"); return }
            var findings = FindingRows()
            for finding in 0..<(number <= 1 ? 4 : 3) {
                let field: String? = finding == 1 ? nil : "incoming_host"
                let fix: String? = finding == 2 ? nil : (finding == 0 ? "" : "Fix \(number).\(finding) – ä")
                findings.append(
                    rule: "rule-\(finding)", severity: finding == 0 ? "error" : "warning", field: field,
                    message: "Konto \(number), Befund \(finding): „Grüße“", fix: fix)
                let quotedField = field.map { "'\($0)'" } ?? "NULL"
                let quotedFix = fix.map { "'\($0)'" } ?? "NULL"
                expected.append(
                    "\(id)|in.csv:\(number + 1)|rule-\(finding)|\(finding == 0 ? "error" : "warning")|\(quotedField)"
                        + "|Konto \(number), Befund \(finding): „Grüße“|\(quotedFix)")
            }
            try store.recordFindings(findings, accountID: id, of: stored)
        }
        #expect(expected.count == 37)
        _ = try store.finishRun()
        let db = try SQLiteConnection(path: path, create: false)
        #expect(try storedFindings(db) == expected)

        _ = try store.beginRun(sources: ["again.csv"])
        let again = row(account("k1@x.de"), line: 2)
        var findings = FindingRows()
        for _ in 0..<20 { findings.append(rule: "r", severity: "info", field: nil, message: "m", fix: nil) }
        try store.recordFindings(findings, accountID: 1, of: again)
        store.abandonRun()
        #expect(try db.integer("SELECT COUNT(*) FROM findings") == 37)
    }

    /// The key hashes of an append are noted 64 at a time: duplicates within
    /// such a group, across groups and in the last, unfilled one are all found.
    @Test func duplicatesOfAnAppendAreFoundInAndAcrossGroupsOfKeys() throws {
        let dir = TemporaryDirectory()
        let store = try AccountStore(path: dir.path + "/s.sqlite")
        _ = try store.beginRun(sources: ["in.csv"])
        let repeats = [70: 65, 140: 3, 150: 149]  // line index: the index it repeats
        for n in 0..<151 {
            _ = try store.store(row(account("user\(repeats[n] ?? n)@x.de"), line: n + 2))
        }
        let (summary, late) = try store.finishRun()
        #expect(late.map(\.source) == ["in.csv:72", "in.csv:142", "in.csv:152"])
        #expect(summary.accountsNew == 148 && summary.rejected == 3)
    }

    @Test func anAbandonedFirstRunLeavesNoAccountOfItsGroupsBehind() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/s.sqlite"
        do {
            let store = try AccountStore(path: path)
            _ = try store.beginRun(sources: ["in.csv"])
            for n in 1...20 { _ = try store.store(row(account("user\(n)@x.de"), line: n + 1)) }  // a group and four waiting
            store.abandonRun()
            _ = try store.beginRun(sources: ["in.csv"])
            #expect(try store.store(row(account("b@x.de"), line: 2)) == .inserted(id: 1))
            _ = try store.finishRun()
        }
        let reopened = try AccountStore(path: path, create: false)
        #expect(try reopened.count("accounts") == 1)
        #expect(try reopened.count("account_state") == 1)
        #expect(try reopened.count("runs") == 1)
    }

    @Test func theSameAccountTwiceInARunOnAFilledStoreIsRejectedAsItComes() throws {
        let dir = TemporaryDirectory()
        let store = try AccountStore(path: dir.path + "/s.sqlite")
        _ = try store.beginRun(sources: ["old.csv"])
        _ = try store.store(row(account("z@x.de"), line: 2))
        _ = try store.finishRun()
        _ = try store.beginRun(sources: ["in.csv"])
        _ = try store.store(row(account("a@x.de"), line: 2))
        #expect(try store.store(row(account("a@x.de"), line: 9)) == .duplicateInRun(firstSource: "in.csv:2"))
        let summary = try store.finishRun().0
        #expect(summary.recordsRead == 2 && summary.accountsNew == 1 && summary.rejected == 1)
        #expect(try store.count("rejects") == 1)
    }

    @Test func aRunReturnsTheStoreToWALAndStaysInWALBesideAReader() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/s.sqlite"
        let store = try AccountStore(path: path)
        _ = try store.beginRun(sources: ["in.csv"])
        #expect(store.runJournal == .rollback)
        _ = try store.store(row(account("a@x.de"), line: 2))
        _ = try store.finishRun()
        let reader = try SQLiteConnection(path: path, create: false)
        #expect(try reader.text("PRAGMA journal_mode") == "wal")
        _ = try store.beginRun(sources: ["in.csv"])
        #expect(store.runJournal == .writeAheadLog)  // another connection is open
        _ = try store.store(row(account("b@x.de"), line: 3))
        _ = try store.finishRun()
        #expect(try reader.integer("SELECT COUNT(*) FROM accounts") == 2)
    }

    @Test func anAbandonedRunLeavesThePreviousStateIntact() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/s.sqlite"
        do {
            let store = try AccountStore(path: path)
            _ = try store.beginRun(sources: ["in.csv"])
            _ = try store.store(row(account("a@x.de"), line: 2))
            _ = try store.finishRun()
            _ = try store.beginRun(sources: ["in.csv"])
            _ = try store.store(row(account("b@x.de"), line: 2))
            _ = try store.store(row(account("a@x.de", port: 143), line: 3))
            try store.recordReject(source: SourceReference(file: "in.csv", line: 4), reason: "kaputt")
            store.abandonRun()
        }
        let reopened = try AccountStore(path: path, create: false)
        #expect(try reopened.count("accounts") == 1)
        #expect(try reopened.count("runs") == 1)
        #expect(try reopened.count("rejects") == 0)
        var ports: [Int?] = []
        try reopened.forEachAccount { ports.append($0.incoming.port) }
        #expect(ports == [993])
    }

    @Test func storedAccountsReadBackWithEveryField() throws {
        let dir = TemporaryDirectory()
        let store = try AccountStore(path: dir.path + "/s.sqlite")
        var full = account("voll@x.de")
        // Every field set to a value other than its empty one.
        for field in CanonicalField.ordered {
            let text: String =
                switch field.kind {
                case .text: "Text für \(field.name)"
                case .secret: "geheim-\(field.name)"
                case .integer: "4711"
                case .boolean: "true"
                case .enumeration(let words): words.last!
                case .date: "2025-03-31"
                case .list: "eins;zw\\;ei"
                case .map: "a=1;b=2"
                }
            try field.assign(text, to: &full)
        }
        var raw = account("raw@x.de")
        raw.outgoing.port = 70000
        raw.incoming.security = .unrecognized("SSL/TLS")
        raw.archive.deleteAfterDays = .unrecognized("nie")
        _ = try store.beginRun(sources: ["in.csv"])
        _ = try store.store(row(full, line: 2))
        _ = try store.store(row(raw, line: 3))
        _ = try store.finishRun()
        var back: [MailAccount] = []
        try store.forEachAccount { back.append($0) }
        #expect(back == [full, raw])
    }

    @Test func aNewerSchemaIsRefused() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/s.sqlite"
        _ = try AccountStore(path: path)
        let db = try SQLiteConnection(path: path, create: false)
        try db.execute("PRAGMA user_version = 99")
        #expect(throws: StoreError(path: path, message: "database schema version 99 is newer than this mailmigrate (3)")) {
            _ = try AccountStore(path: path)
        }
        #expect(throws: StoreError(path: dir.path + "/none.sqlite", message: "no such database (run `mailmigrate run` first)")) {
            _ = try AccountStore(path: dir.path + "/none.sqlite", create: false)
        }
    }

    /// A store of schema version 2 kept natural keys with domains as typed.
    /// Opening it upgrades them (and their hashes): a later run that has the
    /// same account with its domain in ASCII updates it instead of adding it;
    /// an ASCII key is left as it was.
    @Test func aVersion2StoreGetsItsKeysWithDomainsInASCII() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/s.sqlite"
        var umlauts = account("jörg@müller.de", host: "mail.müller.de")
        umlauts.incoming.userName = "jörg"
        let oldKey = "jörg@müller.de\u{1F}mail.müller.de\u{1F}jörg"
        do {
            let store = try AccountStore(path: path)
            _ = try store.beginRun(sources: ["in.csv"])
            #expect(try store.store(row(umlauts, line: 2)) == .inserted(id: 1))
            #expect(try store.store(row(account("anna@x.de"), line: 3)) == .inserted(id: 2))
            _ = try store.finishRun()
            let db = try SQLiteConnection(path: path, create: false)
            var oldHash = StableHash()
            oldHash.add(oldKey)
            let rewrite = try db.prepare("UPDATE account_state SET natural_key = ?, key_hash = ? WHERE account_id = 1")
            rewrite.bind(1, oldKey)
            rewrite.bind(2, oldHash.int64)
            try rewrite.step()
            try db.execute("PRAGMA user_version = 2")
        }
        let store = try AccountStore(path: path)
        #expect(try store.schemaVersionOnDisk() == 3)
        let db = try SQLiteConnection(path: path, create: false)
        let keys = try db.prepare("SELECT account_id, natural_key, key_hash FROM account_state ORDER BY account_id")
        var stored: [String] = []
        while try keys.step() { stored.append("\(keys.int64(0))|\(keys.text(1))|\(keys.int64(2))") }
        let newKey = "jörg@xn--mller-kva.de\u{1F}mail.xn--mller-kva.de\u{1F}jörg"
        var newHash = StableHash()
        newHash.add(newKey)
        let anna = "anna@x.de\u{1F}imap.example.de\u{1F}anna@x.de"
        var annaHash = StableHash()
        annaHash.add(anna)
        #expect(stored == ["1|\(newKey)|\(newHash.int64)", "2|\(anna)|\(annaHash.int64)"])

        var ascii = umlauts
        ascii.identity.email = "jörg@xn--mller-kva.de"
        ascii.incoming.host = "mail.xn--mller-kva.de"
        _ = try store.beginRun(sources: ["dns.csv"])
        #expect(try store.store(row(ascii, line: 2)) == .updated(id: 1))
        #expect(try store.store(row(account("anna@x.de"), line: 3)) == .unchanged(id: 2))
        #expect(try store.finishRun().0.accountsNew == 0)
    }
}

extension AccountStoreTests {
    /// One account by row id, and every row's id, address and origin without whole accounts.
    @Test func accountByIDAndAddresses() throws {
        let dir = TemporaryDirectory()
        let store = try AccountStore(path: dir.path + "/s.sqlite")
        _ = try store.beginRun(sources: ["in.csv"])
        var second = account("b@x.de", host: "imap.b.de")
        second.identity.origin = "in.csv:3"
        _ = try store.store(row(account("a@x.de"), line: 2))  // an account without an origin
        _ = try store.store(row(second, line: 3))
        _ = try store.finishRun()
        let back = try #require(try store.account(id: 2))
        #expect(back.identity.email == "b@x.de" && back.incoming.host == "imap.b.de")
        #expect(back.incoming.password.revealed() == "Geheim!1")
        #expect(try store.account(id: 3) == nil)
        #expect(try store.account(id: 1)?.identity.email == "a@x.de")  // the statement is reused
        var addresses: [String] = []
        try store.forEachAddress { id, email, origin in addresses.append("\(id) \(email) \(origin)") }
        #expect(addresses == ["1 a@x.de ", "2 b@x.de in.csv:3"])
    }
}
