import Foundation
import TestSupport
import Testing

/// Help text is the first thing a user reads: every command has it, and it
/// reads as prose (no source-code line continuations leaking into it).
@Suite struct HelpTextTests {
    typealias MM = MailMigrateBinary

    static let commands = ["run", "export", "validate", "probe", "report", "rules", "profiles", "providers"]

    @Test(arguments: commands)
    func helpIsProse(command: String) throws {
        let dir = TemporaryDirectory()
        let help = try MM.run([command, "--help"], in: dir.path)
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("OVERVIEW: "))
        let leaked = help.stdout.split(separator: "\n").filter { $0.hasSuffix("\\") }
        #expect(leaked.isEmpty, "lines ending in a backslash: \(leaked)")
    }
}
