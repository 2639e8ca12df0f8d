import MailModel

/// `oauth-with-password`: an OAuth login that still carries a password.
struct OAuthWithPasswordRule: AccountRule {
    static let description = RuleDescription(
        identifier: "oauth-with-password",
        severity: .warning,
        rationale: "An OAuth account never uses a stored password; one left behind is a secret kept for nothing.",
        fix: "Remove the password from the OAuth account.",
        triggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "imap.gmail.com", .incomingAuth: "oauth2", .incomingPassword: "alt"],
        ],
        nonTriggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "imap.gmail.com", .incomingAuth: "oauth2"],
            [.incomingProtocol: "imap", .incomingHost: "imap.example.de", .incomingAuth: "password", .incomingPassword: "pw"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        facts.logins.compactMap { login in
            guard login.auth == .oauth2, login.password else { return nil }
            return finding(severity, login.passwordField, "OAuth login on \(login.host) has a password stored")
        }
    }
}
