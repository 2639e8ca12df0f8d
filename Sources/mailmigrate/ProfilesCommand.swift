import ArgumentParser
import Foundation
import Mappings

/// `mailmigrate profiles`: the CSV layouts mailmigrate reads and writes.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List the CSV mapping profiles (one per system) with their columns.",
        discussion: """
            Without --profile, a CSV file's layout is chosen from its header row (the profile \
            that knows most of its columns; canonical CSV competes too) and the choice is \
            printed. --json prints the profiles in the JSON shape that --mapping FILE reads.
            """)

    @Flag(name: .long, help: "Print the profiles as JSON (the shape of a --mapping file).")
    var json = false

    func run() throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(BuiltInProfiles.all)
            FileHandleStream.standardOutput.write(String(decoding: data, as: UTF8.self) + "\n")
            return
        }
        var out = ""
        for profile in BuiltInProfiles.all {
            out += "\(profile.name): \(profile.description)\n"
            if profile.headerless { out += "  (no header row; columns by position)\n" }
            for column in profile.columns {
                let target = column.extra.map { "extra \($0)" } ?? column.fields.joined(separator: ", ")
                var line = "  \(column.header) → \(target)"
                if let values = column.values, let map = profile.valueMaps[values] {
                    line += " (" + map.entries.map(\.word).joined(separator: "/") + ")"
                }
                if let format = column.format { line += " [\(format)]" }
                out += line + "\n"
            }
        }
        FileHandleStream.standardOutput.write(out)
    }
}
