import MailModel

/// `cleartext-connection`: a server connection without any encryption.
struct CleartextConnectionRule: AccountRule {
    static let description = RuleDescription(
        identifier: "cleartext-connection",
        severity: .warning,
        rationale: "RFC 8314 deprecates cleartext mail access and submission; mail and "
            + "metadata cross the network readable by anyone on the path.",
        fix: "Use implicit TLS (IMAP 993, POP3 995, SMTP 465) or at least STARTTLS.",
        triggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "h", .incomingPort: "143", .incomingSecurity: "none"],
            [.outgoingEnabled: "true", .outgoingHost: "h", .outgoingPort: "25", .outgoingSecurity: "none"],
        ],
        nonTriggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "h", .incomingPort: "993", .incomingSecurity: "tls"],
            [.outgoingEnabled: "true", .outgoingMethod: "system-mail"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        facts.endpoints.compactMap { endpoint in
            guard endpoint.security == ConnectionSecurity.none else { return nil }
            return finding(severity, endpoint.securityField, "\(endpoint.label) connection is not encrypted")
        }
    }
}
