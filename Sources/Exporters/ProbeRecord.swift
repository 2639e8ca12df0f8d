/// One connect-test result as the store keeps it (table `probe_results`):
/// texts and numbers only, never a password.
public struct ProbeRecord: Sendable {
    public var accountID: Int64?
    public var service: String
    public var host: String
    public var port: Int?
    public var security: String?
    public var status: String
    public var detail: String
    public var tlsVersion: String?
    public var tlsCipher: String?
    public var certificateSubject: String?
    public var certificateExpiry: String?
    /// Space-separated.
    public var capabilities: String
    public var authMechanisms: String
    /// `step=ms` pairs, space-separated.
    public var timings: String

    public init(
        accountID: Int64?, service: String, host: String, port: Int?, security: String?, status: String, detail: String,
        tlsVersion: String?, tlsCipher: String?, certificateSubject: String?, certificateExpiry: String?,
        capabilities: String, authMechanisms: String, timings: String
    ) {
        self.accountID = accountID
        self.service = service
        self.host = host
        self.port = port
        self.security = security
        self.status = status
        self.detail = detail
        self.tlsVersion = tlsVersion
        self.tlsCipher = tlsCipher
        self.certificateSubject = certificateSubject
        self.certificateExpiry = certificateExpiry
        self.capabilities = capabilities
        self.authMechanisms = authMechanisms
        self.timings = timings
    }
}
