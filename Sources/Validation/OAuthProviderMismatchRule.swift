import MailModel

/// `oauth-provider-mismatch`: an OAuth login whose provider is not the host's.
struct OAuthProviderMismatchRule: AccountRule {
    static let description = RuleDescription(
        identifier: "oauth-provider-mismatch",
        severity: .error,
        rationale: "A token from one provider is refused by the other's servers; OAuth without a provider cannot log in.",
        fix: "Set the OAuth provider the host belongs to.",
        triggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "outlook.office365.com", .incomingAuth: "oauth2", .incomingOAuthProvider: "google"],
            [.outgoingEnabled: "true", .outgoingHost: "smtp.gmail.com", .outgoingAuth: "oauth2"],
        ],
        nonTriggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "outlook.office365.com", .incomingAuth: "oauth2", .incomingOAuthProvider: "microsoft"],
            [.incomingProtocol: "imap", .incomingHost: "imap.example.de", .incomingAuth: "oauth2", .incomingOAuthProvider: "google"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        facts.logins.compactMap { login in
            guard login.auth == .oauth2 else { return nil }
            guard let provider = login.provider else {
                return finding(severity, login.providerField, "OAuth login on \(login.host) names no provider")
            }
            guard let expected = OAuthHosts.provider(of: login.host), expected != provider else { return nil }
            return finding(
                severity, login.providerField,
                "\(login.host) belongs to \(expected.canonicalName), but the OAuth provider is \(provider.canonicalName)")
        }
    }
}
