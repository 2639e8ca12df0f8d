import MailModel

/// One endpoint of one account to test: what an account's settings say,
/// made concrete (a missing port becomes the protocol's usual one), or the
/// reason it cannot be tested.
public struct ProbeRequest: Sendable {
    /// Which of the account's servers: `incoming` or `outgoing`.
    public enum Role: String, Sendable { case incoming, outgoing }

    public let role: Role
    public let target: ProbeTarget?
    public let login: ProbeLogin?
    /// Why there is no target (no host, an unknown security word).
    public let skipReason: String?

    /// The endpoints of an account: incoming when it has a host or protocol,
    /// outgoing when it sends through SMTP.
    public static func requests(for account: MailAccount) -> [ProbeRequest] {
        var out: [ProbeRequest] = []
        let i = account.incoming
        if i.protocolKind != nil || !i.host.isEmpty {
            let service: MailService? =
                switch i.protocolKind {
                case .imap?, nil: .imap
                case .pop3?: .pop3
                case .unrecognized?: nil
                }
            out.append(make(.incoming, service: service, host: i.host, port: i.port, security: i.security,
                            login: login(i.userName, i.password, i.authentication)))
        }
        let o = account.outgoing
        if o.method != .systemMail, o.enabled || !o.host.isEmpty {
            out.append(make(.outgoing, service: .smtp, host: o.host, port: o.port, security: o.security,
                            login: login(o.userName, o.password, o.authentication)))
        }
        return out
    }

    private static func login(_ user: String, _ password: Secret, _ method: AuthenticationMethod?) -> ProbeLogin? {
        switch method {
        case .oauth2?: return ProbeLogin(user: user, password: Secret(""), method: .oauth2)
        case .none?: return nil
        default: return user.isEmpty ? nil : ProbeLogin(user: user, password: password, method: .password)
        }
    }

    private static func make(
        _ role: Role, service: MailService?, host: String, port: Int?, security: ConnectionSecurity?, login: ProbeLogin?
    ) -> ProbeRequest {
        guard let service else { return ProbeRequest(role: role, target: nil, login: nil, skipReason: "unknown protocol") }
        guard !host.isEmpty else { return ProbeRequest(role: role, target: nil, login: nil, skipReason: "no host") }
        if case .unrecognized(let word)? = security {
            return ProbeRequest(role: role, target: nil, login: nil, skipReason: "unknown security '\(word)'")
        }
        let implicitPorts: Set<Int> = [993, 995, 465]
        let security = security ?? (port.map { implicitPorts.contains($0) } == true ? .tls : ConnectionSecurity.none)
        let port = port ?? defaultPort(service, security)
        guard (1...65535).contains(port) else {
            return ProbeRequest(role: role, target: nil, login: nil, skipReason: "port \(port) is not a TCP port")
        }
        return ProbeRequest(role: role, target: ProbeTarget(service: service, host: host, port: port, security: security), login: login, skipReason: nil)
    }

    static func defaultPort(_ service: MailService, _ security: ConnectionSecurity) -> Int {
        switch (service, security) {
        case (.imap, .tls): 993
        case (.imap, _): 143
        case (.pop3, .tls): 995
        case (.pop3, _): 110
        case (.smtp, .tls): 465
        case (.smtp, .starttls): 587
        case (.smtp, _): 25
        }
    }
}
