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
public struct AutoconfigWriter: Sendable {
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

    /// What one domain's accounts say, gathered as they pass: a run's
    /// accounts are read one at a time, and only this much is kept per domain.
    private struct DomainState {
        /// The domain as the first account wrote it (lower-cased), for the file's `displayName`.
        var display: String
        var badHost: String?
        var incoming: Set<String> = []
        var outgoing: Set<String> = []
        var firstIncoming: ServerSettings?
        var firstOutgoing: ServerSettings?
        var loginsAreAddresses = true
        var loginsAreLocalParts = true
    }

    private struct ServerSettings {
        var type: String
        var host: String
        var port: Int?
        var security: ConnectionSecurity?
        var auth: AuthenticationMethod?
    }

    private var domains: [String: DomainState] = [:]
    private var leftOut: [LeftOut] = []
    private var refused = Set<String>()

    public init() {}

    /// Takes in one account (a store's accounts are handed over one by one:
    /// memory grows with the number of domains, not of accounts).
    public mutating func add(_ account: borrowing MailAccount) {
        let email = account.identity.email
        guard let at = email.lastIndex(of: "@"), email.index(after: at) < email.endIndex else {
            leftOut.append(LeftOut(domain: AccountLabel.of(account), reason: "the account's address has no domain"))
            return
        }
        let written = String(email[email.index(after: at)...]).lowercased()
        guard let domain = Self.asciiHostName(written)?.lowercased() else {
            if refused.insert(written).inserted {
                leftOut.append(LeftOut(domain: written, reason: "the domain is not a host name Thunderbird accepts" + Self.hostNameRule))
            }
            return
        }
        // Taken out and put back, so that its sets change in place instead of being copied.
        var state = domains.removeValue(forKey: domain) ?? DomainState(display: written)
        defer { domains[domain] = state }
        if state.badHost == nil {
            state.badHost = [account.incoming.host, account.outgoing.host].first { !$0.isEmpty && Self.asciiHostName($0) == nil }
        }
        let incomingType = account.incoming.protocolKind?.canonicalName
        if let incoming = Self.server(incomingType, account.incoming.host, account.incoming.port, account.incoming.security) {
            state.incoming.insert(incoming)
            if state.firstIncoming == nil {
                state.firstIncoming = ServerSettings(
                    type: incomingType ?? "imap", host: account.incoming.host, port: account.incoming.port,
                    security: account.incoming.security, auth: account.incoming.authentication)
            }
        }
        if account.outgoing.enabled || !account.outgoing.host.isEmpty,
            let outgoing = Self.server("smtp", account.outgoing.host, account.outgoing.port, account.outgoing.security)
        {
            state.outgoing.insert(outgoing)
        }
        if state.firstOutgoing == nil && !account.outgoing.host.isEmpty {
            state.firstOutgoing = ServerSettings(
                type: "smtp", host: account.outgoing.host, port: account.outgoing.port, security: account.outgoing.security,
                auth: account.outgoing.authentication)
        }
        // `%EMAILADDRESS%` when every login is the address, `%EMAILLOCALPART%` when every login is its local part.
        let address = email.lowercased()
        let login = account.incoming.userName.lowercased()
        state.loginsAreAddresses = state.loginsAreAddresses && address == login
        state.loginsAreLocalParts = state.loginsAreLocalParts && address.split(separator: "@").first.map(String.init) == login
    }

    /// The files of the domains taken in, and what was left out, by domain name.
    public func result() -> (files: [Domain], leftOut: [LeftOut]) {
        var leftOut = leftOut
        var files: [Domain] = []
        for domain in domains.keys.sorted() {
            let state = domains[domain]!
            let display = state.display
            if let bad = state.badHost {
                leftOut.append(LeftOut(domain: display, reason: "the host '\(bad)' is not a host name Thunderbird accepts" + Self.hostNameRule))
                continue
            }
            if state.incoming.count > 1 { leftOut.append(LeftOut(domain: display, reason: "the accounts disagree on the incoming server (" + state.incoming.sorted().joined(separator: " / ") + ")")); continue }
            if state.outgoing.count > 1 { leftOut.append(LeftOut(domain: display, reason: "the accounts disagree on the outgoing server (" + state.outgoing.sorted().joined(separator: " / ") + ")")); continue }
            if let missing = Self.missingForThunderbird(incoming: state.incoming.first, outgoing: state.outgoing.first) {
                leftOut.append(LeftOut(domain: display, reason: missing))
                continue
            }
            let template = state.loginsAreAddresses ? "%EMAILADDRESS%" : state.loginsAreLocalParts ? "%EMAILLOCALPART%" : nil
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<clientConfig version=\"1.1\">\n"
            xml += "  <emailProvider id=\"\(Self.escape(domain))\">\n    <domain>\(Self.escape(domain))</domain>\n"
            xml += "    <displayName>\(Self.escape(display))</displayName>\n"
            if let first = state.firstIncoming {
                xml += Self.element("incomingServer", first, user: template)
            }
            if let first = state.firstOutgoing {
                xml += Self.element("outgoingServer", first, user: template)
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

    private static func element(_ name: String, _ server: ServerSettings, user: String?) -> String {
        let (type, host, port, security, auth) = (server.type, server.host, server.port, server.security, server.auth)
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
