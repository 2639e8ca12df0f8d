import MailModel

/// `missing-host`: an account that fetches or sends mail without a server name.
struct MissingHostRule: AccountRule {
    static let description = RuleDescription(
        identifier: "missing-host",
        severity: .error,
        rationale: "Without a host name the account cannot connect at all.",
        fix: "Enter the server's host name.",
        triggeringExamples: [
            [.email: "info@example.de", .incomingProtocol: "imap", .incomingPort: "993", .incomingSecurity: "tls"],
            [.email: "info@example.de", .outgoingEnabled: "true", .outgoingMethod: "smtp", .outgoingPort: "465"],
        ],
        nonTriggeringExamples: [
            [.email: "info@example.de", .incomingProtocol: "imap", .incomingHost: "imap.example.de"],
            [.email: "info@example.de", .outgoingEnabled: "true", .outgoingMethod: "system-mail"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        facts.endpoints.compactMap { endpoint in
            guard endpoint.host.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
            return finding(severity, endpoint.hostField, "\(endpoint.label) server has no host name")
        }
    }
}
