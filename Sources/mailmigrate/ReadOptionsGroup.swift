import ArgumentParser
import Foundation
import Importers
import Mappings

/// The options that change what is read from a source, shared by the
/// commands that read sources.
struct ReadOptionsGroup: ParsableArguments {
    @Flag(name: .long, help: "Import rows their system marks as deleted (OpenXE geloescht = 1) instead of skipping them.")
    var includeDeleted = false

    @Option(name: .long, help: "CSV: read this system's layout (see mailmigrate profiles) instead of choosing by the header; a header with none of its columns is an error.")
    var profile: String?

    @Option(name: .long, help: "CSV: read the layout of this mapping file (JSON, like samples/profiles/mapping-example.json).")
    var mapping: String?

    @Option(name: .long, help: "CSV: the character set (utf-8, utf-16, windows-1252, iso-8859-1) instead of detecting it.")
    var encoding: String?

    func validate() throws {
        if profile != nil && mapping != nil { throw ValidationError("give --profile or --mapping, not both") }
        if let profile, BuiltInProfiles.named(profile) == nil {
            throw ValidationError("unknown profile '\(profile)' (known: \(BuiltInProfiles.all.map(\.name).joined(separator: ", ")))")
        }
        if let encoding, TextEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding '\(encoding)' (utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1)")
        }
    }

    /// The options; `announce` says which layout each CSV file was read in (on standard error).
    func options(announce: Bool = true) throws -> ReadOptions {
        var chosen: MappingProfile?
        if let profile { chosen = BuiltInProfiles.named(profile) }
        if let mapping { chosen = try MappingFile.load(mapping) }
        var told: (@Sendable (String) -> Void)?
        if announce {
            told = { message in FileHandleStream.standardError.write("mailmigrate: \(message)\n") }
        }
        let charset: TextEncoding? = encoding.flatMap { TextEncoding(name: $0) }
        return ReadOptions(includeDeleted: includeDeleted, profile: chosen, encoding: charset, announce: told)
    }
}
