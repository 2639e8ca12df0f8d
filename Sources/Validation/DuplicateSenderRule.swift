import MailModel

/// `duplicate-sender`: one sender address on several sending accounts (celanio's "Doppelungen").
struct DuplicateSenderRule: BatchRule {
    static let description = BatchRuleDescription(
        identifier: "duplicate-sender",
        severity: .warning,
        rationale: "When two accounts send as one address, which SMTP login and which sender name a mail gets "
            + "depends on the system's choice (celanio: the user's name with the mailbox's login).",
        fix: "Send each address through one account only, or give the accounts distinct sender addresses.",
        triggeringBatches: [[
            [.email: "welcome@example.de", .outgoingEnabled: "true", .outgoingHost: "smtp.example.de", .usableAsSender: "true"],
            [.email: "max@example.de", .outgoingEnabled: "true", .outgoingHost: "smtp.example.de",
             .outgoingSenderAddress: "Welcome@example.de"],
        ], [
            // One domain as typed and as DNS has it: the same address.
            [.email: "info@müller-bau.de", .outgoingEnabled: "true", .outgoingHost: "smtp.example.de"],
            [.email: "max@example.de", .outgoingEnabled: "true", .outgoingHost: "smtp.example.de",
             .outgoingSenderAddress: "Info@xn--mller-bau-q9a.de"],
        ]],
        nonTriggeringBatches: [[
            [.email: "welcome@example.de", .outgoingEnabled: "true", .outgoingHost: "smtp.example.de"],
            [.email: "max@example.de", .outgoingEnabled: "true", .outgoingHost: "smtp.example.de"],
        ]])

    private let firstSeen: any FirstSeenKeys

    init(firstSeen: any FirstSeenKeys) {
        self.firstSeen = firstSeen
    }

    mutating func validate(_ account: MailAccount, source: SourceReference, severity: Severity) -> [Finding] {
        guard account.outgoing.enabled else { return [] }
        let explicit = !account.outgoing.senderAddress.isEmpty
        let sender = (explicit ? account.outgoing.senderAddress : account.identity.email).foldedForComparison()
        guard !sender.isEmpty else { return [] }
        let key = InternationalDomainName.withASCIIDomain(address: sender)
        guard let first = firstSeen.previous(for: key, source: source.description) else { return [] }
        return [finding(
            severity, explicit ? .outgoingSenderAddress : .email, "\(sender) is also the sender address of \(first)")]
    }
}
