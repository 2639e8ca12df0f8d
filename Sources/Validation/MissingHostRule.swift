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

    func validate(_ account: MailAccount, severity: Severity) -> [Finding] {
        ServerEndpoint.all(of: account).compactMap { endpoint in
            guard endpoint.host.trimmingCharacters(in: " \t").isEmpty else { return nil }
            return finding(severity, endpoint.hostField, "\(endpoint.label) server has no host name")
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
