/// How an account sends mail: its SMTP server, login and sender rules.
public struct OutgoingServer: Sendable, Hashable {
    /// Sending is switched on for this account (OpenXE `smtp_extra`,
    /// celanio "mit Authentifizierung").
    public var enabled = false
    public var method: SendingMethod?
    public var host: String = ""
    public var port: Int?
    public var security: ConnectionSecurity?
    public var authentication: AuthenticationMethod?
    public var oauthProvider: OAuthProvider?
    /// The parameter an OAuth login needs (OpenXE `smtp_authparam`): a secret.
    public var oauthParameter = Secret("")
    public var userName: String = ""
    public var password = Secret("")
    /// The sender address, where it differs from the mailbox address.
    public var senderAddress: String = ""
    /// The sender name, where it differs from the display name.
    public var senderName: String = ""
    /// The name the client announces in EHLO ("Client Alias").
    public var clientAlias: String = ""
    /// Protocol debugging on ("SMTP-DEBUG").
    public var debug = false
    /// Addresses every sent mail is copied to (OpenXE `bcc1`, `bcc2`).
    public var bcc: [String] = []

    public init() {}
}
