import ArgumentParser
import Importers
import MailModel

/// `--providers DIR`, shared by the commands that validate: a folder of
/// autoconfig files whose published settings `provider-settings-differ`
/// compares accounts with.
struct ProvidersOption: ParsableArguments {
    @Option(name: .long, help: "A folder of Thunderbird autoconfig files (such as Mozilla's ISPDB) to compare accounts with.")
    var providers: String?

    /// The provider database, nil without the option; unreadable files are warned about.
    func load() throws(InputError) -> ProviderIndex? {
        guard let providers else { return nil }
        let directory = try ProviderDirectory(directory: providers)
        for problem in directory.problems {
            FileHandleStream.standardError.write("mailmigrate: warning: skipped \(problem)\n")
        }
        return directory.index
    }
}
