import MailModel

/// One server an account talks to, seen the same way for incoming and
/// outgoing mail, so that rules about hosts, ports and encryption are written
/// once for both.
struct ServerEndpoint: Sendable {
    enum Service: String, Sendable {
        case imap, pop3, smtp
    }

    let service: Service?
    let host: String
    let port: Int?
    let security: ConnectionSecurity?
    let authentication: AuthenticationMethod?
    let hostField: CanonicalField
    let portField: CanonicalField
    let securityField: CanonicalField

    /// The servers the account uses: incoming when it has incoming settings,
    /// outgoing when sending through SMTP is on or a host is set (a port
    /// alone is a system's default, as OpenXE's smtp_port 25 on accounts that
    /// do not send).
    static func all(of account: MailAccount) -> [ServerEndpoint] {
        var result: [ServerEndpoint] = []
        result.reserveCapacity(2)
        if account.incoming.protocolKind != nil || !account.incoming.host.isEmpty || account.incoming.port != nil {
            let service: Service? =
                switch account.incoming.protocolKind {
                case .imap: .imap
                case .pop3: .pop3
                default: nil
                }
            result.append(
                ServerEndpoint(
                    service: service, host: account.incoming.host, port: account.incoming.port,
                    security: account.incoming.security, authentication: account.incoming.authentication,
                    hostField: .incomingHost, portField: .incomingPort,
                    securityField: .incomingSecurity))
        }
        if account.outgoing.method != .systemMail && (account.outgoing.enabled || !account.outgoing.host.isEmpty) {
            result.append(
                ServerEndpoint(
                    service: .smtp, host: account.outgoing.host, port: account.outgoing.port,
                    security: account.outgoing.security, authentication: account.outgoing.authentication,
                    hostField: .outgoingHost, portField: .outgoingPort,
                    securityField: .outgoingSecurity))
        }
        return result
    }

    var label: String {
        switch service {
        case .imap: "IMAP"
        case .pop3: "POP3"
        case .smtp: "SMTP"
        case nil: "incoming"
        }
    }
}
