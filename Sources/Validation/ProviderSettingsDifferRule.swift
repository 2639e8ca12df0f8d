import MailModel

/// `provider-settings-differ`: the account's server, port or encryption is
/// not one the mail provider of its address publishes (Thunderbird
/// autoconfig, `--providers DIR`). The finding says what the provider
/// publishes.
struct ProviderSettingsDifferRule: AccountRule {
    static let description = RuleDescription(
        identifier: "provider-settings-differ",
        severity: .warning,
        rationale: "The provider's published settings are the ones known to work; other hosts, ports or "
            + "encryption are usually typos or settings from before the provider changed them.",
        fix: "Use the settings the provider publishes (mailmigrate providers show DOMAIN), unless the customer has a reason not to.",
        triggeringExamples: [
            [.email: "a@example-mail.de", .incomingProtocol: "imap", .incomingHost: "imap.example-mail.de", .incomingPort: "143",
             .incomingSecurity: "starttls"],
            [.email: "a@example-mail.de", .incomingProtocol: "imap", .incomingHost: "mail.example-mail.de", .incomingPort: "993"],
            [.email: "b@Example-Mail.DE", .outgoingEnabled: "true", .outgoingHost: "smtp.example-mail.de", .outgoingPort: "25",
             .outgoingSecurity: "none"],
            // The provider's file names the domain in its xn-- form.
            [.email: "c@müller-mail.de", .incomingProtocol: "imap", .incomingHost: "imap.müller-mail.de", .incomingPort: "143"],
        ],
        nonTriggeringExamples: [
            [.email: "a@example-mail.de", .incomingProtocol: "imap", .incomingHost: "IMAP.example-mail.de", .incomingPort: "993",
             .incomingSecurity: "tls", .outgoingEnabled: "true", .outgoingHost: "smtp.example-mail.de", .outgoingPort: "587",
             .outgoingSecurity: "starttls"],
            [.email: "a@example-mail.de", .incomingProtocol: "imap", .incomingHost: "imap.example-mail.de"],
            [.email: "a@other.de", .incomingProtocol: "imap", .incomingHost: "imap.other.de", .incomingPort: "143"],
            [.email: "c@müller-mail.de", .incomingProtocol: "imap", .incomingHost: "imap.müller-mail.de", .incomingPort: "993",
             .incomingSecurity: "tls"],
            [.email: "c@xn--mller-mail-9db.de", .incomingProtocol: "imap", .incomingHost: "imap.xn--mller-mail-9db.de",
             .incomingPort: "993"],
        ],
        exampleProviders: [
            MailProvider(
                id: "example-mail.de", domains: ["example-mail.de"], displayName: "Example Mail",
                incoming: [ProviderServer(type: "imap", hostname: "imap.example-mail.de", port: 993, security: .tls,
                                          authentication: ["password-cleartext"], username: "%EMAILADDRESS%")],
                outgoing: [
                    ProviderServer(type: "smtp", hostname: "smtp.example-mail.de", port: 465, security: .tls,
                                   authentication: ["password-cleartext"], username: "%EMAILADDRESS%"),
                    ProviderServer(type: "smtp", hostname: "smtp.example-mail.de", port: 587, security: .starttls,
                                   authentication: ["password-cleartext"], username: "%EMAILADDRESS%"),
                ],
                source: "example-mail.de.xml"),
            MailProvider(
                id: "xn--mller-mail-9db.de", domains: ["xn--mller-mail-9db.de"], displayName: "Müller Mail",
                incoming: [ProviderServer(type: "imap", hostname: "imap.xn--mller-mail-9db.de", port: 993, security: .tls,
                                          authentication: ["password-cleartext"], username: "%EMAILADDRESS%")],
                outgoing: [], source: "xn--mller-mail-9db.de.xml"),
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        guard let provider = facts.provider else { return [] }
        var findings: [Finding] = []
        for endpoint in facts.endpoints where !endpoint.host.isEmpty {
            guard let service = endpoint.service else { continue }
            // Provider files name hosts in ASCII (xn-- for umlauts); accounts as typed.
            let host = Self.comparable(endpoint.host)
            let published = (service == .smtp ? provider.outgoing : provider.incoming).filter { $0.type == service.rawValue }
            guard !published.isEmpty else { continue }
            // Only what the account sets is compared: a missing port is another rule's business.
            let matches = published.contains { server in
                Self.comparable(server.hostname) == host
                    && (endpoint.port == nil || server.port == nil || server.port == endpoint.port)
                    && (endpoint.security == nil || server.security == nil || server.security == endpoint.security)
            }
            guard !matches else { continue }
            let field: CanonicalField =
                published.contains { Self.comparable($0.hostname) == host }
                ? (published.contains { Self.comparable($0.hostname) == host && $0.port == endpoint.port }
                    ? endpoint.securityField : endpoint.portField)
                : endpoint.hostField
            let ours = Self.describe(endpoint.host, endpoint.port, endpoint.security)
            let theirs = published.map { Self.describe($0.hostname, $0.port, $0.security) }.joined(separator: " or ")
            findings.append(finding(
                severity, field,
                "\(endpoint.label) \(ours) differs from what \(provider.displayName.isEmpty ? provider.id : provider.displayName) "
                    + "publishes: \(theirs)"))
        }
        return findings
    }

    /// A host name as the comparison sees it: in ASCII, lower-cased.
    private static func comparable(_ host: String) -> String {
        (InternationalDomainName.asciiForm(of: host) ?? host).lowercased()
    }

    private static func describe(_ host: String, _ port: Int?, _ security: ConnectionSecurity?) -> String {
        "\(host):\(port.map(String.init) ?? "?")" + (security.map { " \($0.canonicalName)" } ?? "")
    }
}
