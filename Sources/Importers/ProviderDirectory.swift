import Foundation
import MailModel

/// The providers of a folder of autoconfig files (such as a copy of
/// Mozilla's ISPDB). A file that cannot be read is listed in `problems`,
/// and the others still load.
public struct ProviderDirectory: Sendable {
    public let index: ProviderIndex
    public let problems: [InputError]

    /// Every `*.xml` file of `directory` (sorted by name).
    public init(directory: String) throws(InputError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".xml") }.sorted()
        } catch {
            throw .cannotOpen(path: directory, reason: "cannot list the directory")
        }
        guard !names.isEmpty else { throw .noSupportedFiles(directory: directory) }
        var providers: [MailProvider] = []
        var problems: [InputError] = []
        for name in names {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            do throws(InputError) {
                providers += try AutoconfigReader.providers(file: path)
            } catch {
                problems.append(error)
            }
        }
        index = ProviderIndex(providers)
        self.problems = problems
    }

    public var providers: [MailProvider] { index.providers }
    public func provider(forDomain domain: String) -> MailProvider? { index.provider(forDomain: domain) }
    public func provider(forAddress address: String) -> MailProvider? { index.provider(forAddress: address) }
    public var domainCount: Int { index.domainCount }
}
