import ArgumentParser
import Exporters
import Foundation
import Importers
import MailModel
import Validation

/// `mailmigrate validate`: check account settings against the rule catalogue.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check account settings against the rule catalogue (see `mailmigrate rules`).",
        discussion: """
            Validates the accounts of the SOURCE files (as `run` reads them), or, without \
            SOURCE, the accounts stored in --db. Findings are grouped by account, control \
            characters from the data shown escaped (\\n, \\u{1B}); --format json \
            prints one JSON object per finding, --format junit a JUnit report for CI systems. \
            A record that cannot be read is a line on standard error as it is met \
            (FILE:LINE: rejected: REASON), and a count of them at the end. \
            The exit code is 4 when a finding is at or above --fail-on (default: error), 3 when \
            records could not be read, else 0.
            """)

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, never
        var severity: Severity? {
            switch self {
            case .error: .error
            case .warning: .warning
            case .never: nil
            }
        }
    }

    @Argument(help: "Files, directories or - to validate; none: the accounts in --db.")
    var sources: [String] = []

    @Option(name: .long, help: "The SQLite database to validate when no SOURCE is given.")
    var db: String = "mailmigrate.sqlite"

    @Option(name: .long, help: "Output: \(FindingsFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: FindingsFormat = .text

    @Option(name: .long, help: "Exit with 4 when a finding is at least this severe: error, warning or never.")
    var failOn: FailOn = .error

    @Option(name: .long, help: "A JSON file that turns rules off or changes their severity.")
    var rules: String?

    @OptionGroup var readOptions: ReadOptionsGroup

    @OptionGroup var providerOption: ProvidersOption

    func run() throws {
        var configuration = RuleConfiguration()
        if let rules {
            configuration = try RulesFile.load(rules)
        }
        let providers: ProviderIndex?
        do {
            providers = try providerOption.load()
        } catch {
            throw Failure(error)
        }
        // The batch rules' keys move to disk beyond 10,000: memory stays flat for any batch.
        var firstSeen: [SpillingFirstSeen] = []
        var validator = BatchValidator(configuration: configuration, providers: providers, firstSeen: {
            let keys = SpillingFirstSeen()
            firstSeen.append(keys)
            return keys
        })
        let colour = format == .text && FileHandleStream.standardOutput.isTerminal
            && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        let printer = try FindingsPrinter(format: format, failOn: failOn.severity, colour: colour)
        var leftOut = RecordsLeftOut(work: "checked")
        do {
            if sources.isEmpty {
                let store = try AccountStore(path: db, create: false)
                try store.forEachAccount { account in
                    let source = SourceReference(file: account.identity.origin.isEmpty ? db : account.identity.origin)
                    printer.add(email: account.identity.email, source: source.description,
                                findings: validator.validate(account, source: source))
                }
            } else {
                let options = try readOptions.options()
                for entry in try SourceList(arguments: sources).entries {
                    let reader = try entry.format.reader(path: entry.path, options: options)
                    while let item = try reader.next() {
                        switch consume item {
                        case let .account(account, source):
                            let email = account.identity.email
                            printer.add(email: email, source: source.description, findings: validator.validate(account, source: source))
                        case .reject(let reject):
                            printer.flush()  // the findings of the accounts before it come first
                            leftOut.reject(reject)
                        case .skipped:
                            leftOut.skip()
                        }
                    }
                }
            }
        } catch {
            throw Failure(error)
        }
        try printer.finish()
        if let failure = firstSeen.lazy.compactMap(\.diskFailure).first {
            FileHandleStream.standardError.write(
                "mailmigrate: the duplicate rules' keys could not be kept in a temporary file (\(failure)); "
                    + "they were held in memory\n")
        }
        leftOut.writeCounts()
        if printer.reachedThreshold { throw ExitStatus.findings.code }
        if leftOut.rejected > 0 { throw ExitStatus.rejected.code }
    }
}

/// The validator's batch rules keep their keys in it.
extension SpillingFirstSeen: FirstSeenKeys {}
