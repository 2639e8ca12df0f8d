import MailModel

/// `submission-on-port-25`: a client that logs in to send on the relay port.
struct SubmissionOnPort25Rule: AccountRule {
    static let description = RuleDescription(
        identifier: "submission-on-port-25",
        severity: .warning,
        rationale: "Port 25 is for server-to-server relay (RFC 6409); many networks block it and "
            + "providers refuse logins there.",
        fix: "Submit on 465 (tls) or 587 (starttls).",
        triggeringExamples: [
            [.outgoingEnabled: "true", .outgoingHost: "h", .outgoingPort: "25", .outgoingAuth: "password"],
        ],
        nonTriggeringExamples: [
            [.outgoingEnabled: "true", .outgoingHost: "h", .outgoingPort: "587", .outgoingAuth: "password"],
            [.outgoingEnabled: "true", .outgoingHost: "relay.intern", .outgoingPort: "25", .outgoingAuth: "none"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        let o = facts.account.outgoing
        guard o.method != .systemMail, o.port == 25, o.authentication == .password || o.authentication == .oauth2
        else { return [] }
        return [finding(severity, .outgoingPort, "SMTP login on port 25, the relay port")]
    }
}
