import MailModel

/// `missing-address`: an account without an e-mail address, as a source
/// that keeps only logins (an imapsync file) or a half-filled form leaves it.
/// When a login or the sender address is an address, the finding names it:
/// it is most often the one that was meant.
struct MissingAddressRule: AccountRule {
    static let description = RuleDescription(
        identifier: "missing-address",
        severity: .warning,
        rationale: "The address is how every target knows the mailbox: OpenXE's emailbackup.email, the EmailAddress of "
            + "a Microsoft 365 migration batch, the domain of an autoconfig file, the sender of its mail.",
        fix: "Enter the mailbox's address (most often its login).",
        triggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "imap.example.de", .incomingUser: "info@example.de"],
            [.email: " ", .outgoingEnabled: "true", .outgoingMethod: "smtp", .outgoingHost: "smtp.example.de",
             .outgoingUser: "k4711"],
        ],
        nonTriggeringExamples: [
            [.email: "info@example.de", .incomingProtocol: "imap", .incomingHost: "imap.example.de"],
            [.email: "info.example.de"],  // not empty: invalid-address says what is wrong with it
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        let account = facts.account
        guard BlankText.isBlank(account.identity.email) else { return [] }
        let candidates: [(what: String, text: String)] = [
            ("the incoming login", account.incoming.userName),
            ("the sender address", account.outgoing.senderAddress),
            ("the SMTP login", account.outgoing.userName),
        ]
        let likely = candidates.first { $0.text.contains("@") && MailSyntax.addressProblem($0.text) == nil }
        let hint = likely.map { "; \($0.what) '\($0.text)' is an address" } ?? ""
        return [finding(severity, .email, "the account has no e-mail address\(hint)")]
    }
}
