/// The outcome of a connect test of one endpoint, from a fixed set that is
/// documented in the README and stored as it is (`probe_results.status`).
public enum ProbeStatus: String, Sendable, CaseIterable, Codable {
    case ok
    /// The host name does not resolve.
    case dnsError = "dns-error"
    /// Nothing listens on the port.
    case refused
    /// A step took longer than `--timeout` (the detail names the step).
    case timeout
    /// TLS failed: untrusted, expired, name mismatch or handshake failure (the detail says which).
    case tlsError = "tls-error"
    /// The settings expect STARTTLS and the server does not offer it.
    case starttlsUnavailable = "starttls-unavailable"
    /// The server refused the login.
    case authFailed = "auth-failed"
    /// The server offers no login mechanism the account can use.
    case authUnavailable = "auth-unavailable"
    /// The server answered something the protocol does not allow here (the detail quotes it).
    case protocolError = "protocol-error"
    /// Not tested (no host, OAuth login, a password that would go out without TLS).
    case skipped

    /// Whether this outcome means the endpoint does not work as configured.
    public var isFailure: Bool { self != .ok && self != .skipped }
}
