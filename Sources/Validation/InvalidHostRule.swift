import MailModel

/// `invalid-host`: a server name that cannot be one (a URL, a path, spaces).
struct InvalidHostRule: AccountRule {
    static let description = RuleDescription(
        identifier: "invalid-host",
        severity: .error,
        rationale: "Migrated host fields often carry a URL, a path or a typo; the client then cannot resolve them.",
        fix: "Enter only the host name, e.g. imap.example.de.",
        triggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "https://imap.example.de"],
            [.incomingProtocol: "imap", .incomingHost: "imap.example.de/mail"],
            [.outgoingEnabled: "true", .outgoingHost: "smtp example.de"],
            [.outgoingEnabled: "true", .outgoingHost: "smtp..example.de"],
            // 59 characters, 69 in the xn-- form DNS holds.
            [.incomingProtocol: "imap", .incomingHost: "mail.jürgen-müller-maschinenbau-und-anlagentechnik-köln-süd-gmbh.de"],
        ],
        nonTriggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "imap.example.de"],
            [.incomingProtocol: "imap", .incomingHost: "mail.müller-bau.de"],
            [.outgoingEnabled: "true", .outgoingHost: "192.168.10.5"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        facts.endpoints.compactMap { endpoint in
            guard !endpoint.host.isEmpty, let problem = MailSyntax.hostProblem(endpoint.host) else { return nil }
            return finding(severity, endpoint.hostField, "\(endpoint.label) host '\(endpoint.host)' \(problem)")
        }
    }
}
