import ArgumentParser
import Foundation
import Importers
import MailModel

/// `mailmigrate providers`: the provider database read from autoconfig files.
struct ProvidersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "providers",
        abstract: "Look up a mail provider's published settings (Thunderbird autoconfig files).",
        discussion: """
            --providers names a folder of autoconfig clientConfig files, such as a copy of \
            Mozilla's ISPDB (every *.xml file in it). Validation uses the same folder \
            (validate --providers) to compare accounts with their provider's settings.
            """,
        subcommands: [ShowProviderCommand.self])
}

/// `mailmigrate providers show DOMAIN`.
struct ShowProviderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print what the provider database knows for a domain (exit 1 when nothing).")

    @Option(name: .long, help: "A folder of autoconfig (clientConfig) XML files.")
    var providers: String

    @Argument(help: "The domain (or an address) to look up.")
    var domain: String

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let directory: ProviderDirectory
        do {
            directory = try ProviderDirectory(directory: providers)
        } catch {
            throw Failure(error)
        }
        for problem in directory.problems {
            FileHandleStream.standardError.write("mailmigrate: warning: skipped \(problem)\n")
        }
        let lookup = domain.contains("@") ? directory.provider(forAddress: domain) : directory.provider(forDomain: domain)
        guard let provider = lookup else {
            throw Failure(message: "\(domain): no provider in \(providers) serves this domain (\(directory.domainCount) domains known)")
        }
        FileHandleStream.standardOutput.write(json ? Self.json(provider) : Self.text(provider))
    }

    static func text(_ p: MailProvider) -> String {
        var out = "\(p.displayName.isEmpty ? p.id : p.displayName) (\(p.id), from \(p.source))\n"
        out += "  domains: \(p.domains.joined(separator: ", "))\n"
        for (role, servers) in [("incoming", p.incoming), ("outgoing", p.outgoing)] {
            for s in servers {
                out += "  \(role) \(s.type): \(s.hostname):\(s.port.map(String.init) ?? "?") "
                out += "\(s.security?.canonicalName ?? "?"), auth \(s.authentication.joined(separator: "/")), user \(s.username)\n"
            }
        }
        return out
    }

    static func json(_ p: MailProvider) -> String {
        func server(_ s: ProviderServer) -> [String: Any] {
            [
                "type": s.type, "hostname": s.hostname, "port": s.port.map { $0 as Any } ?? NSNull(),
                "security": s.security?.canonicalName ?? NSNull(), "authentication": s.authentication, "username": s.username,
            ]
        }
        let object: [String: Any] = [
            "id": p.id, "display_name": p.displayName, "domains": p.domains, "source": p.source,
            "incoming": p.incoming.map(server), "outgoing": p.outgoing.map(server),
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
