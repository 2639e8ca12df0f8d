import MailModel

/// The mail hosts of the providers that no longer accept passwords from
/// ordinary clients (Google since 2024/25, Microsoft 365 since 2022/26) and
/// want OAuth 2.0 instead.
enum OAuthHosts {
    private static let hosts: [String: OAuthProvider] = [
        "imap.gmail.com": .google, "smtp.gmail.com": .google, "pop.gmail.com": .google,
        "imap.googlemail.com": .google, "smtp.googlemail.com": .google,
        "outlook.office365.com": .microsoft, "smtp.office365.com": .microsoft, "outlook.office.com": .microsoft,
        "smtp-mail.outlook.com": .microsoft,
    ]

    static func provider(of host: String) -> OAuthProvider? {
        // Every such host is under .com: most hosts are not, and need no lookup.
        let utf8 = host.utf8
        guard utf8.count > 4 else { return nil }
        guard zip(utf8.suffix(4), ".com".utf8).allSatisfy({ $0 | 0x20 == $1 }) else { return nil }
        return hosts[host.foldedForComparison()]
    }

    /// One login of an account: its host, how it authenticates, and the
    /// fields a finding about it names.
    struct Login: Sendable {
        let host: String
        let auth: AuthenticationMethod?
        let provider: OAuthProvider?
        let authField: CanonicalField
        let providerField: CanonicalField
        let password: Bool
        let passwordField: CanonicalField
    }

    /// The logins of the account's two servers (incoming, and SMTP unless it sends with mail()).
    static func logins(of account: MailAccount) -> [Login] {
        var result: [Login] = []
        result.reserveCapacity(2)
        if !account.incoming.host.isEmpty {
            result.append(Login(
                host: account.incoming.host, auth: account.incoming.authentication,
                provider: account.incoming.oauthProvider, authField: .incomingAuth,
                providerField: .incomingOAuthProvider, password: !account.incoming.password.isEmpty,
                passwordField: .incomingPassword))
        }
        if !account.outgoing.host.isEmpty && account.outgoing.method != .systemMail {
            result.append(Login(
                host: account.outgoing.host, auth: account.outgoing.authentication,
                provider: account.outgoing.oauthProvider, authField: .outgoingAuth,
                providerField: .outgoingOAuthProvider, password: !account.outgoing.password.isEmpty,
                passwordField: .outgoingPassword))
        }
        return result
    }
}
