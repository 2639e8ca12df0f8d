/// How connect tests are run.
public struct ProbeOptions: Sendable {
    /// Seconds each step may take.
    public var timeout: Double = 10
    /// Log in with each account's user and password.
    public var login = false
    /// Send a password over a connection without TLS (off: such logins are skipped).
    public var allowCleartextLogin = false
    /// Skip certificate verification; results say so.
    public var insecure = false
    /// A PEM file of CA certificates to trust besides the system's.
    public var caFile: String?
    /// Connections at once, in all.
    public var jobs = 16
    /// Connections at once to one host.
    public var perHost = 4

    public init() {}
}
