/// What a mail provider publishes as the correct settings for its
/// mailboxes (a Thunderbird autoconfig `clientConfig` file): the domains it
/// serves and its servers. Validation compares accounts against it.
public struct MailProvider: Sendable, Hashable {
    public var id: String
    public var domains: [String]
    public var displayName: String
    public var incoming: [ProviderServer]
    public var outgoing: [ProviderServer]
    /// The file it was read from.
    public var source: String

    public init(
        id: String, domains: [String], displayName: String, incoming: [ProviderServer], outgoing: [ProviderServer],
        source: String
    ) {
        self.id = id
        self.domains = domains
        self.displayName = displayName
        self.incoming = incoming
        self.outgoing = outgoing
        self.source = source
    }
}

/// One server of a provider, as autoconfig describes it.
public struct ProviderServer: Sendable, Hashable {
    /// `imap`, `pop3` or `smtp` (autoconfig also knows `exchange` and others).
    public var type: String
    public var hostname: String
    public var port: Int?
    /// Autoconfig's `socketType`: `SSL`, `STARTTLS` or `plain`, as a canonical security value.
    public var security: ConnectionSecurity?
    /// Autoconfig's `authentication` values in order (`password-cleartext`, `OAuth2`, …).
    public var authentication: [String]
    /// The login template (`%EMAILADDRESS%`, `%EMAILLOCALPART%`).
    public var username: String

    public init(
        type: String, hostname: String, port: Int?, security: ConnectionSecurity?, authentication: [String],
        username: String
    ) {
        self.type = type
        self.hostname = hostname
        self.port = port
        self.security = security
        self.authentication = authentication
        self.username = username
    }

    /// Whether the provider offers OAuth2 on this server.
    public var offersOAuth: Bool { authentication.contains { $0.lowercased() == "oauth2" } }
}
