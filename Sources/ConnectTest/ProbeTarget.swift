import MailModel

/// The mail protocols a connect test speaks.
public enum MailService: String, Sendable, Hashable, Codable {
    case imap, pop3, smtp
}

/// One server endpoint as an account's settings describe it. Accounts with
/// the same target share one connection for the TLS and capability check.
public struct ProbeTarget: Sendable, Hashable {
    public var service: MailService
    public var host: String
    public var port: Int
    /// `.none`, `.starttls` or `.tls` (implicit TLS).
    public var security: ConnectionSecurity

    public init(service: MailService, host: String, port: Int, security: ConnectionSecurity) {
        self.service = service
        self.host = host
        self.port = port
        self.security = security
    }

    public var description: String { "\(service.rawValue) \(host):\(port) \(security.canonicalName)" }
}

/// The login an account would use on a target.
public struct ProbeLogin: Sendable, Hashable {
    public var user: String
    public var password: Secret
    public var method: AuthenticationMethod

    public init(user: String, password: Secret, method: AuthenticationMethod) {
        self.user = user
        self.password = password
        self.method = method
    }
}
