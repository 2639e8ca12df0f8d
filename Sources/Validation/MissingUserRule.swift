import MailModel

/// `missing-user`: a password login without a user name.
struct MissingUserRule: AccountRule {
    static let description = RuleDescription(
        identifier: "missing-user",
        severity: .error,
        rationale: "A password without a login name cannot authenticate; migrations lose the user name when "
            + "the source takes it from another field (Xentral: SMTP takes the IMAP login).",
        fix: "Enter the login name (often the full mail address).",
        triggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "h", .incomingAuth: "password", .incomingPassword: "pw"],
            [.outgoingEnabled: "true", .outgoingHost: "h", .outgoingAuth: "password"],
        ],
        nonTriggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "h", .incomingAuth: "password", .incomingUser: "info@example.de"],
            [.outgoingEnabled: "true", .outgoingHost: "h", .outgoingAuth: "none"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        var findings: [Finding] = []
        if !facts.account.incoming.host.isEmpty, facts.account.incoming.authentication == .password, facts.account.incoming.userName.isEmpty {
            findings.append(finding(severity, .incomingUser, "incoming password login has no user name"))
        }
        let o = facts.account.outgoing
        if !o.host.isEmpty, o.method != .systemMail, o.authentication == .password, o.userName.isEmpty {
            findings.append(finding(severity, .outgoingUser, "SMTP password login has no user name"))
        }
        return findings
    }
}
