import MailModel

/// `provider-requires-oauth`: Gmail or Microsoft 365 with a password login.
struct ProviderRequiresOAuthRule: AccountRule {
    static let description = RuleDescription(
        identifier: "provider-requires-oauth",
        severity: .error,
        rationale: "Google and Microsoft 365 refuse password logins from mail clients; the account "
            + "stops working after the migration.",
        fix: "Switch the account to OAuth 2.0 with its provider (Xentral: \"Google OAuth\"; CRM: \"IMAP (Office 365)\").",
        triggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "imap.gmail.com", .incomingAuth: "password"],
            [.outgoingEnabled: "true", .outgoingHost: "smtp.office365.com", .outgoingAuth: "password"],
        ],
        nonTriggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "imap.gmail.com", .incomingAuth: "oauth2", .incomingOAuthProvider: "google"],
            [.incomingProtocol: "imap", .incomingHost: "imap.example.de", .incomingAuth: "password"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        facts.logins.compactMap { login in
            guard login.auth == .password, let provider = OAuthHosts.provider(of: login.host) else { return nil }
            return finding(
                severity, login.authField,
                "\(login.host) (\(provider.canonicalName)) does not accept password logins from mail clients")
        }
    }
}
