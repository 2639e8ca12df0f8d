import Foundation
import MailModel
import Testing

/// The README's table of canonical CSV columns says exactly what the code reads and writes.
@Suite struct ReadmeColumnsTests {
    @Test func everyCanonicalFieldIsInTheReadmeTableInOrder() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        // Only the table of the "Canonical CSV" section.
        let section = try #require(readme.components(separatedBy: "\n## Canonical CSV\n").dropFirst().first)
            .components(separatedBy: "\n## ")[0]
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| `") && $0.contains(" | ") }
        let names = rows.compactMap { row -> String? in
            let cell = row.dropFirst(3)
            guard let end = cell.firstIndex(of: "`") else { return nil }
            return String(cell[..<end])
        }
        #expect(names == CanonicalField.ordered.map(\.name))
    }
}
