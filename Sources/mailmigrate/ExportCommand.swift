import ArgumentParser
import Exporters
import Foundation
import Mappings

/// `mailmigrate export`: write the stored accounts to a file or standard output.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the stored accounts as canonical CSV, JSON Lines, account XML or OpenXE SQL.",
        discussion: """
            Without -o, or with -o -, the export goes to standard output. A file is written \
            under a temporary name and renamed when complete; a name ending in .gz is \
            gzip-compressed. Passwords and OAuth parameters are written as <redacted> unless \
            --include-secrets is given; a file holding them is created with mode 0600. \
            --to csv --profile NAME writes a system's layout (mailmigrate profiles); what an \
            account holds that the layout has no column for is named in a warning.

            openxe-sql writes SQL that OpenXE's MariaDB database loads (mariadb DATABASE < FILE): \
            an INSERT into emailbackup per account, the default account as an update of \
            firmendaten and firmendaten_werte; --with-schema puts emailbackup's CREATE TABLE \
            first. Without --include-secrets passwords are written empty. What an account holds \
            that OpenXE has no column for is named in a warning and in a SQL comment.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, jsonl, xml
        case openXESQL = "openxe-sql"
    }

    @Option(name: .long, help: "The SQLite database to read.")
    var db: String = "mailmigrate.sqlite"

    @Option(name: .long, help: "The output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var to: Format

    @Option(name: [.customShort("o"), .long], help: "The output file (- for standard output).")
    var output: String = "-"

    @Flag(name: .long, help: "Write passwords and OAuth parameters in clear text.")
    var includeSecrets = false

    @Option(name: .long, help: "csv: write this system's layout (see mailmigrate profiles) instead of canonical CSV.")
    var profile: String?

    @Option(name: .long, help: "csv: write the layout of this mapping file (JSON).")
    var mapping: String?

    @Flag(name: .long, help: "openxe-sql: write emailbackup's CREATE TABLE (IF NOT EXISTS) first.")
    var withSchema = false

    @Option(name: .long, help: "gzip compression level for .gz outputs, 1 (fastest) to 9 (smallest).")
    var level: Int32 = 6

    func validate() throws {
        guard (1...9).contains(level) else { throw ValidationError("--level must be from 1 to 9") }
        if (profile != nil || mapping != nil) && to != .csv { throw ValidationError("--profile and --mapping go with --to csv") }
        if let profile, BuiltInProfiles.named(profile) == nil {
            throw ValidationError("unknown profile '\(profile)' (known: \(BuiltInProfiles.all.map(\.name).joined(separator: ", ")))")
        }
    }

    private func chosenProfile() throws -> MappingProfile? {
        if let profile { return BuiltInProfiles.named(profile) }
        if let mapping { return try MappingFile.load(mapping) }
        return nil
    }

    func run() throws {
        let warnings = ExportWarnings()
        do {
            let store = try AccountStore(path: db, create: false)
            let file = try OutputFile(path: output, containsSecrets: includeSecrets, compressionLevel: level)
            let secrets: SecretPolicy = includeSecrets ? .include : .redact
            let writer: AccountWriter =
                switch to {
                case .csv:
                    if let layout = try chosenProfile() {
                        ProfileCSVWriter(sink: file.sink, codec: try ProfileCodec(layout), secrets: secrets, warn: warnings.add)
                    } else {
                        CanonicalCSVWriter(sink: file.sink, secrets: secrets)
                    }
                case .jsonl: JSONLinesWriter(sink: file.sink, secrets: secrets)
                case .xml: AccountXMLWriter(sink: file.sink, secrets: secrets)
                case .openXESQL:
                    OpenXESQLWriter(sink: file.sink, secrets: secrets, withSchema: withSchema, warn: warnings.add)
                }
            try store.forEachAccount { try writer.write($0) }
            try writer.finish()
            try file.commit()
            warnings.finish()
        } catch {
            throw Failure(error)
        }
    }
}
