import ArgumentParser
import Foundation
import Validation

/// `mailmigrate rules`: the rule catalogue with rationales.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the validation rules: id, default severity, why, and how to fix.")

    @Flag(name: .long, help: "Print the catalogue as JSON.")
    var json = false

    func run() throws {
        let entries = RuleCatalog.entries
        if json {
            let objects = entries.map {
                ["id": $0.identifier, "severity": $0.severity.rawValue, "rationale": $0.rationale, "fix": $0.fix,
                 "scope": $0.batch ? "batch" : "account"]
            }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .prettyPrinted])
            FileHandleStream.standardOutput.write(String(decoding: data, as: UTF8.self) + "\n")
            return
        }
        var out = ""
        for e in entries {
            out += e.identifier.padding(toLength: 30, withPad: " ", startingAt: 0) + e.severity.rawValue + "\n"
            out += "    \(e.rationale)\n    fix: \(e.fix)\n"
        }
        FileHandleStream.standardOutput.write(out)
    }
}
