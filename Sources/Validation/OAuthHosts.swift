import MailModel

/// The mail hosts of the providers that no longer accept passwords from
/// ordinary clients (Google since 2024/25, Microsoft 365 since 2022/26) and
/// want OAuth 2.0 instead.
enum OAuthHosts {
    static func provider(of host: String) -> OAuthProvider? {
        let h = host.foldedForComparison()
        let google = ["imap.gmail.com", "smtp.gmail.com", "pop.gmail.com", "imap.googlemail.com", "smtp.googlemail.com"]
        if google.contains(h) { return .google }
        let microsoft = ["outlook.office365.com", "smtp.office365.com", "outlook.office.com", "smtp-mail.outlook.com"]
        if microsoft.contains(h) { return .microsoft }
        return nil
    }

    /// Host, authentication, provider and fields of the account's two servers.
    static func logins(of account: MailAccount)
        -> [(host: String, auth: AuthenticationMethod?, provider: OAuthProvider?, authField: CanonicalField, providerField: CanonicalField, password: Bool, passwordField: CanonicalField)]
    {
        let i = account.incoming
        let o = account.outgoing
        var result: [(String, AuthenticationMethod?, OAuthProvider?, CanonicalField, CanonicalField, Bool, CanonicalField)] = []
        if !i.host.isEmpty {
            result.append((i.host, i.authentication, i.oauthProvider, .incomingAuth, .incomingOAuthProvider, !i.password.isEmpty, .incomingPassword))
        }
        if !o.host.isEmpty && o.method != .systemMail {
            result.append((o.host, o.authentication, o.oauthProvider, .outgoingAuth, .outgoingOAuthProvider, !o.password.isEmpty, .outgoingPassword))
        }
        return result.map { (host: $0.0, auth: $0.1, provider: $0.2, authField: $0.3, providerField: $0.4, password: $0.5, passwordField: $0.6) }
    }
}
