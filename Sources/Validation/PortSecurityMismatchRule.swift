import MailModel

/// `port-security-mismatch`: a port whose standard encryption differs from
/// the configured one, or a port that belongs to another protocol.
///
/// RFC 8314 and the IANA registry: 993 (IMAPS), 995 (POP3S) and 465
/// (submissions) speak TLS from the first byte; 143 (IMAP), 110 (POP3), 587
/// (submission) and 25 (SMTP relay) start in plain text and may upgrade with
/// STARTTLS. A client that expects the other kind hangs or fails its handshake.
struct PortSecurityMismatchRule: AccountRule {
    static let description = RuleDescription(
        identifier: "port-security-mismatch",
        severity: .error,
        rationale: "Implicit-TLS ports (993, 995, 465) and plain/STARTTLS ports (143, 110, 587, 25) "
            + "do not speak the same first bytes; a mismatch fails every connection.",
        fix: "Use the encryption the port is for, or the port the encryption is for.",
        triggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "h", .incomingPort: "993", .incomingSecurity: "none"],
            [.incomingProtocol: "imap", .incomingHost: "h", .incomingPort: "143", .incomingSecurity: "tls"],
            [.incomingProtocol: "pop3", .incomingHost: "h", .incomingPort: "995", .incomingSecurity: "starttls"],
            [.outgoingEnabled: "true", .outgoingHost: "h", .outgoingPort: "465", .outgoingSecurity: "starttls"],
            [.outgoingEnabled: "true", .outgoingHost: "h", .outgoingPort: "587", .outgoingSecurity: "tls"],
            [.incomingProtocol: "imap", .incomingHost: "h", .incomingPort: "995", .incomingSecurity: "tls"],
        ],
        nonTriggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "h", .incomingPort: "993", .incomingSecurity: "tls"],
            [.incomingProtocol: "imap", .incomingHost: "h", .incomingPort: "143", .incomingSecurity: "starttls"],
            [.incomingProtocol: "pop3", .incomingHost: "h", .incomingPort: "995", .incomingSecurity: "tls"],
            [.outgoingEnabled: "true", .outgoingHost: "h", .outgoingPort: "587", .outgoingSecurity: "starttls"],
            [.outgoingEnabled: "true", .outgoingHost: "h", .outgoingPort: "2525", .outgoingSecurity: "tls"],
        ])

    private enum PortKind {
        case implicitTLS, plainOrStartTLS
    }

    private static let ports: [Int: (service: ServerEndpoint.Service, kind: PortKind)] = [
        993: (.imap, .implicitTLS), 143: (.imap, .plainOrStartTLS),
        995: (.pop3, .implicitTLS), 110: (.pop3, .plainOrStartTLS),
        465: (.smtp, .implicitTLS), 587: (.smtp, .plainOrStartTLS), 25: (.smtp, .plainOrStartTLS),
    ]

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        var findings: [Finding] = []
        for endpoint in facts.endpoints {
            guard let port = endpoint.port, let known = Self.ports[port] else { continue }
            if let service = endpoint.service, service != known.service {
                findings.append(
                    finding(
                        severity, endpoint.portField,
                        "\(endpoint.label) server on port \(port), which is the \(known.service.rawValue.uppercased()) port",
                        fix: "Use the \(endpoint.label) port (\(Self.standardPorts(service)))."))
                continue
            }
            switch (known.kind, endpoint.security) {
            case (.implicitTLS, .some(.none)), (.implicitTLS, .some(.starttls)):
                findings.append(
                    finding(
                        severity, endpoint.securityField,
                        "port \(port) speaks TLS from the first byte, but security is \(endpoint.security!.canonicalName)",
                        fix: "Set security to tls, or use port \(Self.plainPort(known.service))."))
            case (.plainOrStartTLS, .some(.tls)):
                findings.append(
                    finding(
                        severity, endpoint.securityField,
                        "port \(port) starts in plain text (STARTTLS), but security is tls (implicit TLS)",
                        fix: "Set security to starttls, or use port \(Self.tlsPort(known.service))."))
            default:
                break
            }
        }
        return findings
    }

    private static func tlsPort(_ s: ServerEndpoint.Service) -> Int {
        switch s {
        case .imap: 993
        case .pop3: 995
        case .smtp: 465
        }
    }

    private static func plainPort(_ s: ServerEndpoint.Service) -> Int {
        switch s {
        case .imap: 143
        case .pop3: 110
        case .smtp: 587
        }
    }

    private static func standardPorts(_ s: ServerEndpoint.Service) -> String {
        "\(tlsPort(s)) with tls or \(plainPort(s)) with starttls"
    }
}
