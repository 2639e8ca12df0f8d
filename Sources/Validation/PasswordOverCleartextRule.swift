import MailModel

/// `password-over-cleartext`: a password login over an unencrypted connection.
struct PasswordOverCleartextRule: AccountRule {
    static let description = RuleDescription(
        identifier: "password-over-cleartext",
        severity: .error,
        rationale: "A password sent without TLS can be read by anyone on the network path.",
        fix: "Switch the connection to tls or starttls before migrating the account.",
        triggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "h", .incomingSecurity: "none", .incomingAuth: "password",
             .incomingPassword: "pw"],
            [.outgoingEnabled: "true", .outgoingHost: "h", .outgoingSecurity: "none", .outgoingAuth: "password"],
        ],
        nonTriggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "h", .incomingSecurity: "starttls", .incomingAuth: "password"],
            [.outgoingEnabled: "true", .outgoingHost: "h", .outgoingSecurity: "none", .outgoingAuth: "none"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        facts.endpoints.compactMap { endpoint in
            guard endpoint.security == ConnectionSecurity.none, endpoint.authentication == .password else { return nil }
            return finding(
                severity, endpoint.securityField, "\(endpoint.label) login sends the password without encryption")
        }
    }
}
