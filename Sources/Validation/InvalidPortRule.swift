import MailModel

/// `invalid-port`: a port number no TCP connection can use.
struct InvalidPortRule: AccountRule {
    static let description = RuleDescription(
        identifier: "invalid-port",
        severity: .error,
        rationale: "TCP ports run from 1 to 65535; any other number is a typo or a field mix-up in the source.",
        fix: "Enter the server's port (IMAP 993, POP3 995, SMTP 465 or 587).",
        triggeringExamples: [
            [.outgoingEnabled: "true", .outgoingHost: "h", .outgoingPort: "70000"],
            [.incomingProtocol: "imap", .incomingHost: "h", .incomingPort: "0"],
        ],
        nonTriggeringExamples: [[.incomingProtocol: "imap", .incomingHost: "h", .incomingPort: "993"]])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        facts.endpoints.compactMap { endpoint in
            guard let port = endpoint.port, !(1...65535).contains(port) else { return nil }
            return finding(severity, endpoint.portField, "\(endpoint.label) port \(port) is not a TCP port (1 to 65535)")
        }
    }
}
