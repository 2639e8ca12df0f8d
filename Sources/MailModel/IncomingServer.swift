/// How an account fetches mail (IMAP or POP3) and what it does with it.
public struct IncomingServer: Sendable, Hashable {
    public var protocolKind: IncomingProtocol?
    public var host: String = ""
    public var port: Int?
    public var security: ConnectionSecurity?
    public var authentication: AuthenticationMethod?
    public var oauthProvider: OAuthProvider?
    public var userName: String = ""
    public var password = Secret("")
    /// Delete mail on the server after it was fetched ("E-Mails auf dem Server löschen").
    public var deleteOnServer = false
    /// Fetch only mail from this day on ("Ab Datum").
    public var fetchFrom: CalendarDate?
    public var sentFolder: String = ""
    public var draftsFolder: String = ""
    public var trashFolder: String = ""
    /// Store a copy of sent mail in `sentFolder` ("Versendetordner aktivieren").
    public var copyToSent = false

    public init() {}
}
