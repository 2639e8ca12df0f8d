import Foundation
import MailModel

/// Thunderbird autoconfig files derived from the accounts: one
/// `clientConfig` per e-mail domain, with the incoming and outgoing server
/// its accounts use. A domain whose accounts disagree (two IMAP hosts, other
/// ports) is reported with what they disagree on, not guessed; so is one
/// that lacks what Thunderbird needs to read the file (an incoming and an
/// outgoing server, each with a port and a socket type), and an account
/// without a domain.
public enum AutoconfigWriter {
    public struct Domain: Sendable {
        public let domain: String
        public let xml: String
    }

    /// A domain (or an account without one) that got no file, and why.
    public struct LeftOut: Sendable, CustomStringConvertible {
        public let domain: String
        public let reason: String
        public var description: String { "\(domain): \(reason); no autoconfig file written" }
    }

    /// The files, and what was left out, by domain name.
    public static func files(for accounts: [MailAccount]) -> (files: [Domain], leftOut: [LeftOut]) {
        var byDomain: [String: [MailAccount]] = [:]
        var leftOut: [LeftOut] = []
        for account in accounts {
            let email = account.identity.email
            guard let at = email.lastIndex(of: "@"), email.index(after: at) < email.endIndex else {
                leftOut.append(LeftOut(domain: AccountLabel.of(account), reason: "the account's address has no domain"))
                continue
            }
            byDomain[String(email[email.index(after: at)...]).lowercased(), default: []].append(account)
        }
        var files: [Domain] = []
        for domain in byDomain.keys.sorted() {
            let members = byDomain[domain]!
            let incoming = Set(members.compactMap { server($0.incoming.protocolKind?.canonicalName, $0.incoming.host, $0.incoming.port, $0.incoming.security) })
            let outgoing = Set(members.compactMap { $0.outgoing.enabled || !$0.outgoing.host.isEmpty ? server("smtp", $0.outgoing.host, $0.outgoing.port, $0.outgoing.security) : nil })
            if incoming.count > 1 { leftOut.append(LeftOut(domain: domain, reason: "the accounts disagree on the incoming server (" + incoming.sorted().joined(separator: " / ") + ")")); continue }
            if outgoing.count > 1 { leftOut.append(LeftOut(domain: domain, reason: "the accounts disagree on the outgoing server (" + outgoing.sorted().joined(separator: " / ") + ")")); continue }
            if let missing = missingForThunderbird(incoming: incoming.first, outgoing: outgoing.first) {
                leftOut.append(LeftOut(domain: domain, reason: missing))
                continue
            }
            let template = usernameTemplate(members)
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<clientConfig version=\"1.1\">\n"
            xml += "  <emailProvider id=\"\(escape(domain))\">\n    <domain>\(escape(domain))</domain>\n"
            xml += "    <displayName>\(escape(domain))</displayName>\n"
            if let first = members.first(where: { server($0.incoming.protocolKind?.canonicalName, $0.incoming.host, $0.incoming.port, $0.incoming.security) != nil }) {
                xml += element("incomingServer", type: first.incoming.protocolKind?.canonicalName ?? "imap", host: first.incoming.host,
                               port: first.incoming.port, security: first.incoming.security, auth: first.incoming.authentication, user: template)
            }
            if let first = members.first(where: { !$0.outgoing.host.isEmpty }) {
                xml += element("outgoingServer", type: "smtp", host: first.outgoing.host, port: first.outgoing.port,
                               security: first.outgoing.security, auth: first.outgoing.authentication, user: template)
            }
            xml += "  </emailProvider>\n</clientConfig>\n"
            files.append(Domain(domain: domain, xml: xml))
        }
        return (files, leftOut)
    }

    /// What Thunderbird would refuse the file for (it needs an incoming and
    /// an outgoing server, each with a port and a socket type), or nil.
    private static func missingForThunderbird(incoming: String?, outgoing: String?) -> String? {
        guard let incoming else { return "no account has an incoming server, which Thunderbird needs" }
        guard let outgoing else { return "no account has an outgoing server, which Thunderbird needs" }
        for (side, server) in [("incoming", incoming), ("outgoing", outgoing)] {
            if server.contains(":? ") { return "the \(side) server (\(server)) has no port, which Thunderbird needs" }
            if server.hasSuffix(" ?") { return "the \(side) server (\(server)) has no security setting, which Thunderbird needs" }
        }
        return nil
    }

    private static func server(_ type: String?, _ host: String, _ port: Int?, _ security: ConnectionSecurity?) -> String? {
        guard !host.isEmpty else { return nil }
        return "\(type ?? "?") \(host.lowercased()):\(port.map(String.init) ?? "?") \(security?.canonicalName ?? "?")"
    }

    /// `%EMAILADDRESS%` when every login is the address, `%EMAILLOCALPART%` when every login is its local part.
    private static func usernameTemplate(_ accounts: [MailAccount]) -> String? {
        let pairs = accounts.map { ($0.identity.email.lowercased(), $0.incoming.userName.lowercased()) }
        if pairs.allSatisfy({ $0.0 == $0.1 }) { return "%EMAILADDRESS%" }
        if pairs.allSatisfy({ $0.0.split(separator: "@").first.map(String.init) == $0.1 }) { return "%EMAILLOCALPART%" }
        return nil
    }

    private static func element(
        _ name: String, type: String, host: String, port: Int?, security: ConnectionSecurity?, auth: AuthenticationMethod?,
        user: String?
    ) -> String {
        var out = "    <\(name) type=\"\(type)\">\n      <hostname>\(escape(host))</hostname>\n"
        if let port { out += "      <port>\(port)</port>\n" }
        switch security {
        case .tls?: out += "      <socketType>SSL</socketType>\n"
        case .starttls?: out += "      <socketType>STARTTLS</socketType>\n"
        case .none?: out += "      <socketType>plain</socketType>\n"
        default: break
        }
        switch auth {
        case .oauth2?: out += "      <authentication>OAuth2</authentication>\n"
        case .none?: out += "      <authentication>none</authentication>\n"
        default: out += "      <authentication>password-cleartext</authentication>\n"
        }
        if let user { out += "      <username>\(user)</username>\n" }
        return out + "    </\(name)>\n"
    }

    private static func escape(_ text: String) -> String { MarkupText.escaped(text) }
}
