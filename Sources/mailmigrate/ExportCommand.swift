import ArgumentParser
import Exporters
import Foundation
import MailModel
import Mappings

/// `mailmigrate export`: write the stored accounts to a file or standard output.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the stored accounts: CSV (any layout), JSON Lines, XML, OpenXE SQL, m365, imapsync, autoconfig.",
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

            m365 (EmailAddress,UserName,Password) and imapsync (host1;user1;password1;host2;\
            user2;password2; pairing --db with --target-db by address) carry passwords by \
            purpose and need --include-secrets; an account or pair they could not use (POP3, \
            no host, user or password) is named with the reason and left out. autoconfig \
            writes one Thunderbird clientConfig per e-mail domain into the directory -o; a \
            domain whose accounts disagree, or that \
            lacks what Thunderbird needs (incoming and outgoing server, port, security), is \
            reported, not guessed. .gz outputs are compressed on every core.

            Standard error shows the first 20 warnings and counts the rest; openxe-sql and \
            imapsync name each in a comment of the output, and --warnings FILE lists every \
            one for any format.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, jsonl, xml
        case openXESQL = "openxe-sql"
        case autoconfig, m365, imapsync

        /// Formats whose purpose is to carry passwords to the target system.
        var needsSecrets: Bool { self == .m365 || self == .imapsync }
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

    @Option(name: .long, help: "imapsync: the database of the target accounts, paired with the source accounts by e-mail address.")
    var targetDb: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write every warning to this file as well, one a line (standard error shows the first 20).",
            valueName: "file"))
    var warnings: String?

    @Option(name: .long, help: "gzip compression level for .gz outputs, 1 (fastest) to 9 (smallest).")
    var level: Int32 = 6

    func validate() throws {
        guard (1...9).contains(level) else { throw ValidationError("--level must be from 1 to 9") }
        if (profile != nil || mapping != nil) && to != .csv { throw ValidationError("--profile and --mapping go with --to csv") }
        if let profile, BuiltInProfiles.named(profile) == nil {
            throw ValidationError("unknown profile '\(profile)' (known: \(BuiltInProfiles.all.map(\.name).joined(separator: ", ")))")
        }
        if to.needsSecrets && !includeSecrets {
            throw ValidationError(
                "--to \(to.rawValue) writes the passwords the target system imports: add --include-secrets (the file gets mode 0600)")
        }
        if to == .imapsync && targetDb == nil { throw ValidationError("--to imapsync needs --target-db PATH (the accounts to migrate to)") }
        if let warnings {
            if warnings == "-" { throw ValidationError("--warnings needs a file (standard error shows the first 20 warnings)") }
            if URL(fileURLWithPath: warnings).standardizedFileURL == URL(fileURLWithPath: output).standardizedFileURL {
                throw ValidationError("--warnings and -o name the same file, \(output)")
            }
        }
        if to == .autoconfig && output == "-" { throw ValidationError("--to autoconfig writes one file per domain: give -o DIRECTORY") }
    }

    private func chosenProfile() throws -> MappingProfile? {
        if let profile { return BuiltInProfiles.named(profile) }
        if let mapping { return try MappingFile.load(mapping) }
        return nil
    }

    func run() throws {
        do {
            let warnings = try ExportWarnings(listPath: self.warnings, outputNamesEach: to == .openXESQL || to == .imapsync)
            do {
                switch to {
                case .autoconfig: try writeAutoconfig(warnings: warnings)
                case .imapsync: try writeImapsync(warnings: warnings)
                default:
                    let store = try AccountStore(path: db, create: false)
                    try Self.write(
                        to, from: store, path: output, includeSecrets: includeSecrets, level: level,
                        layout: try chosenProfile(), withSchema: withSchema, warnings: warnings)
                }
                try warnings.finish()
            } catch {
                warnings.discard()
                throw error
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(error)
        }
    }

    /// Writes every stored account in one file format (not autoconfig or
    /// imapsync, which write several files or read two stores); `run --export` uses it too.
    static func write(
        _ format: Format, from store: AccountStore, path: String, includeSecrets: Bool, level: Int32,
        layout: MappingProfile? = nil, withSchema: Bool = false, warnings: ExportWarnings
    ) throws {
        let file = try OutputFile(path: path, containsSecrets: includeSecrets, compressionLevel: level)
        let secrets: SecretPolicy = includeSecrets ? .include : .redact
        let writer: AccountWriter =
            switch format {
            case .csv:
                if let layout {
                    ProfileCSVWriter(sink: file.sink, codec: try ProfileCodec(layout), secrets: secrets, warn: warnings.add)
                } else {
                    CanonicalCSVWriter(sink: file.sink, secrets: secrets)
                }
            case .jsonl: JSONLinesWriter(sink: file.sink, secrets: secrets)
            case .xml: AccountXMLWriter(sink: file.sink, secrets: secrets)
            case .m365: try M365BatchWriter(sink: file.sink, secrets: secrets, warn: warnings.add)
            case .autoconfig, .imapsync: preconditionFailure("written by their own functions")
            case .openXESQL:
                OpenXESQLWriter(sink: file.sink, secrets: secrets, withSchema: withSchema, warn: warnings.add)
            }
        do {
            try store.forEachAccount { try writer.write($0) }
            try writer.finish()
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    /// One clientConfig file per domain into the directory `-o`.
    private func writeAutoconfig(warnings: ExportWarnings) throws {
        let store = try AccountStore(path: db, create: false)
        var writer = AutoconfigWriter()
        try store.forEachAccount { writer.add($0) }
        try ExportDirectory.create(output)
        let (files, leftOut) = writer.result()
        for file in files {
            let out = try OutputFile(path: output + "/" + file.domain + ".xml", containsSecrets: false, compressionLevel: level)
            try out.sink.write(file.xml)
            try out.commit()
        }
        for left in leftOut { warnings.add("\(left)") }
        FileHandleStream.standardError.write("mailmigrate: \(files.count) autoconfig files written to \(output)\n")
    }

    /// imapsync's batch file: source accounts (this database) paired with
    /// target accounts (--target-db) by address. Only the target addresses
    /// are indexed (on disk, see `ImapsyncTargetIndex`); a pair's target
    /// account is read when the pair is written, so memory stays flat.
    private func writeImapsync(warnings: ExportWarnings) throws {
        let sourceStore = try AccountStore(path: db, create: false)
        let targetStore = try AccountStore(path: targetDb!, create: false)
        let targets = try ImapsyncTargetIndex()
        try targetStore.forEachAddress { id, email, _ in try targets.add(id: id, email: email) }
        let file = try OutputFile(path: output, containsSecrets: true, compressionLevel: level)
        /// A warning, and the same words in a comment of the file (imapsync's loop skips `#` lines).
        func report(_ text: String) throws {
            warnings.add(text)
            try file.sink.write("# \(TerminalText.visible(text))\n")
        }
        do {
            try file.sink.write("# imapsync batch: host1;user1;password1;host2;user2;password2; (mailmigrate export --to imapsync)\n")
            try sourceStore.forEachAccount { source in
                let target = try targets.pair(source.identity.email).flatMap { id in try targetStore.account(id: id) }
                switch ImapsyncPairing.pair(source, with: target) {
                case .line(let line): try file.sink.write(line.text + "\n")
                case .leftOut(let left): try report("\(left.account): \(left.reason); left out")
                }
            }
            try targetStore.forEachAddress { _, email, origin in
                if !email.isEmpty, try !targets.isPaired(email) {
                    try report(ImapsyncPairing.unpairedTarget(email: email, origin: origin))
                }
            }
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}
