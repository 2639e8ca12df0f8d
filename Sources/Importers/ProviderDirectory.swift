import Foundation
import MailModel

/// The providers of a folder of autoconfig files (such as a copy of
/// Mozilla's ISPDB), found by the domain of an address. A file that cannot
/// be read is listed in `problems`, and the others still load.
public struct ProviderDirectory: Sendable {
    public private(set) var providers: [MailProvider] = []
    public private(set) var problems: [InputError] = []
    private var byDomain: [String: Int] = [:]

    public init(providers: [MailProvider]) {
        for provider in providers { add(provider) }
    }

    /// Every `*.xml` file of `directory` (sorted by name).
    public init(directory: String) throws(InputError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".xml") }.sorted()
        } catch {
            throw .cannotOpen(path: directory, reason: "cannot list the directory")
        }
        guard !names.isEmpty else { throw .noSupportedFiles(directory: directory) }
        for name in names {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            do throws(InputError) {
                for provider in try AutoconfigReader.providers(file: path) { add(provider) }
            } catch {
                problems.append(error)
            }
        }
    }

    private mutating func add(_ provider: MailProvider) {
        providers.append(provider)
        for domain in provider.domains where byDomain[domain] == nil { byDomain[domain] = providers.count - 1 }
    }

    /// The provider serving `domain` (of an address: the part after `@`), ignoring case.
    public func provider(forDomain domain: String) -> MailProvider? {
        byDomain[domain.lowercased()].map { providers[$0] }
    }

    /// The provider for an address's domain.
    public func provider(forAddress address: String) -> MailProvider? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        return provider(forDomain: String(address[address.index(after: at)...]))
    }

    /// How many domains are known.
    public var domainCount: Int { byDomain.count }
}
