import Foundation
import MailModel

/// Reads Thunderbird autoconfig files (`clientConfig`, as in Mozilla's
/// ISPDB) into `MailProvider`s: domains, incoming and outgoing servers with
/// host, port, socket type, authentication and username template.
public enum AutoconfigReader {
    /// The providers of one file (a file may hold more than one `emailProvider`).
    public static func providers(file path: String) throws(InputError) -> [MailProvider] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .cannotOpen(path: path, reason: "cannot read the file")
        }
        return try providers(bytes: Array(data), path: path)
    }

    public static func providers(bytes: [UInt8], path: String) throws(InputError) -> [MailProvider] {
        let root = try MarkupParser.xml(bytes, path: path)
        guard root.name == "clientConfig" else {
            throw .invalidDocument(path: path, line: root.line, column: nil, reason: "not an autoconfig file (root element <\(root.name)>, expected <clientConfig>)")
        }
        let providers = root.children(named: "emailProvider").map { element in
            MailProvider(
                id: element.attributes["id"] ?? "",
                domains: element.children(named: "domain").map { $0.allText.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() },
                displayName: element.childText("displayName") ?? "",
                incoming: element.children(named: "incomingServer").map(server),
                outgoing: element.children(named: "outgoingServer").map(server),
                source: path)
        }
        guard !providers.isEmpty else {
            throw .invalidDocument(path: path, line: root.line, column: nil, reason: "no <emailProvider> in the file")
        }
        return providers
    }

    private static func server(_ element: MarkupNode) -> ProviderServer {
        ProviderServer(
            type: element.attributes["type"] ?? "",
            hostname: element.childText("hostname")?.lowercased() ?? "",
            port: element.childText("port").flatMap { Int($0) },
            security: element.childText("socketType").map(security),
            authentication: element.children(named: "authentication").map { $0.allText.trimmingCharacters(in: .whitespacesAndNewlines) },
            username: element.childText("username") ?? "")
    }

    /// Autoconfig's socket types: `SSL` is implicit TLS, `STARTTLS`, `plain`.
    static func security(_ socketType: String) -> ConnectionSecurity {
        switch socketType.lowercased() {
        case "ssl", "tls": .tls
        case "starttls": .starttls
        case "plain": .none
        default: .unrecognized(socketType)
        }
    }
}
