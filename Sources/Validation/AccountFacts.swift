import MailModel

/// An account with what several rules derive from it, computed once: the
/// servers it talks to and its logins. Rules read these instead of each
/// deriving them again, which matters when a run validates a million accounts.
public struct AccountFacts: Sendable {
    public let account: MailAccount
    let endpoints: [ServerEndpoint]
    let logins: [OAuthHosts.Login]
    /// The provider that serves the account's address, when a provider
    /// database was given (`--providers`).
    let provider: MailProvider?

    public init(_ account: consuming MailAccount, providers: ProviderIndex? = nil) {
        endpoints = ServerEndpoint.all(of: account)
        logins = OAuthHosts.logins(of: account)
        provider = providers?.provider(forAddress: account.identity.email)
        self.account = account
    }
}
