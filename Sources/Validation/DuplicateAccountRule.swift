import MailModel

/// `duplicate-account`: the same account (address, server, login) twice in a batch.
struct DuplicateAccountRule: BatchRule {
    static let description = BatchRuleDescription(
        identifier: "duplicate-account",
        severity: .error,
        rationale: "Two records of one mailbox fetch the same mail twice, and a migration target keeps only one of them.",
        fix: "Merge the records into one account.",
        triggeringBatches: [[
            [.email: "info@example.de", .incomingHost: "imap.example.de", .incomingUser: "info"],
            [.email: "INFO@example.de", .incomingHost: "IMAP.example.de", .incomingUser: "info"],
        ]],
        nonTriggeringBatches: [[
            [.email: "info@example.de", .incomingHost: "imap.example.de", .incomingUser: "info"],
            [.email: "info@example.de", .incomingHost: "imap.example.de", .incomingUser: "info2"],
        ]])

    private let firstSeen: any FirstSeenKeys

    init(firstSeen: any FirstSeenKeys) {
        self.firstSeen = firstSeen
    }

    mutating func validate(_ account: MailAccount, source: SourceReference, severity: Severity) -> [Finding] {
        let key = NaturalKey(of: account).description
        guard let first = firstSeen.previous(for: key, source: source.description) else { return [] }
        return [finding(severity, .email, "the same account (address, server and login) as \(first)")]
    }
}
