import Foundation
import MailModel

/// Thunderbird autoconfig files derived from the accounts: one
/// `clientConfig` per e-mail domain, with the incoming and outgoing server
/// its accounts use. A domain whose accounts disagree (two IMAP hosts, other
/// ports) is reported with what they disagree on, not guessed; so is one
/// that lacks what Thunderbird needs to read the file (an incoming and an
/// outgoing server, each with a port and a socket type), and an account
/// without a domain.
///
/// Domains and host names are written in ASCII (`xn--mller-bau-q9a.de` for
/// `müller-bau.de`): Thunderbird takes only ASCII letters, digits, `-` and
/// `.` as a host name, and looks a domain's file up by that form. A domain
/// or host that is no such name even then (a path, a space) gets no file:
/// its name could not be a file name either.
public enum AutoconfigWriter {
    public struct Domain: Sendable {
        /// The domain in ASCII, lower-cased: the file's name without `.xml`.
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
        var displayNames: [String: String] = [:]
        var leftOut: [LeftOut] = []
        var refused = Set<String>()
        for account in accounts {
            let email = account.identity.email
            guard let at = email.lastIndex(of: "@"), email.index(after: at) < email.endIndex else {
                leftOut.append(LeftOut(domain: AccountLabel.of(account), reason: "the account's address has no domain"))
                continue
            }
            let written = String(email[email.index(after: at)...]).lowercased()
            guard let domain = asciiHostName(written)?.lowercased() else {
                if refused.insert(written).inserted {
                    leftOut.append(LeftOut(domain: written, reason: "the domain is not a host name Thunderbird accepts" + Self.hostNameRule))
                }
                continue
            }
            byDomain[domain, default: []].append(account)
            if displayNames[domain] == nil { displayNames[domain] = written }
        }
        var files: [Domain] = []
        for domain in byDomain.keys.sorted() {
            let members = byDomain[domain]!
            let display = displayNames[domain]!
            let hosts = members.flatMap { [$0.incoming.host, $0.outgoing.host] }.filter { !$0.isEmpty }
            if let bad = hosts.first(where: { asciiHostName($0) == nil }) {
                leftOut.append(LeftOut(domain: display, reason: "the host '\(bad)' is not a host name Thunderbird accepts" + Self.hostNameRule))
                continue
            }
            let incoming = Set(members.compactMap { server($0.incoming.protocolKind?.canonicalName, $0.incoming.host, $0.incoming.port, $0.incoming.security) })
            let outgoing = Set(members.compactMap { $0.outgoing.enabled || !$0.outgoing.host.isEmpty ? server("smtp", $0.outgoing.host, $0.outgoing.port, $0.outgoing.security) : nil })
            if incoming.count > 1 { leftOut.append(LeftOut(domain: display, reason: "the accounts disagree on the incoming server (" + incoming.sorted().joined(separator: " / ") + ")")); continue }
            if outgoing.count > 1 { leftOut.append(LeftOut(domain: display, reason: "the accounts disagree on the outgoing server (" + outgoing.sorted().joined(separator: " / ") + ")")); continue }
            if let missing = missingForThunderbird(incoming: incoming.first, outgoing: outgoing.first) {
                leftOut.append(LeftOut(domain: display, reason: missing))
                continue
            }
            let template = usernameTemplate(members)
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<clientConfig version=\"1.1\">\n"
            xml += "  <emailProvider id=\"\(escape(domain))\">\n    <domain>\(escape(domain))</domain>\n"
            xml += "    <displayName>\(escape(display))</displayName>\n"
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
        return "\(type ?? "?") \((asciiHostName(host) ?? host).lowercased()):\(port.map(String.init) ?? "?") \(security?.canonicalName ?? "?")"
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
        var out = "    <\(name) type=\"\(type)\">\n      <hostname>\(escape(asciiHostName(host) ?? host))</hostname>\n"
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

    private static let hostNameRule = " (ASCII letters, digits, - and . once written in ASCII, labels of up to 63)"

    /// `name` in ASCII when it is a host name Thunderbird accepts, else nil:
    /// labels of ASCII letters, digits and `-` (not first or last), 1 to 63
    /// long, between dots, a dot at the end allowed, 255 in all (its
    /// `isLegalHostName`); or an IPv6 address (hex digits and colons).
    static func asciiHostName(_ name: String) -> String? {
        guard let ascii = InternationalDomainName.asciiForm(of: name), !ascii.isEmpty, ascii.utf8.count <= 255 else { return nil }
        let bytes = Array(ascii.utf8)
        if bytes.contains(UInt8(ascii: ":")) {
            return bytes.allSatisfy { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") || isHexDigit($0) } ? ascii : nil
        }
        var labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        if labels.count > 1 && labels.last!.isEmpty { labels.removeLast() }
        for label in labels {
            guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                label.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: "-") })
            else { return nil }
        }
        return ascii
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}
