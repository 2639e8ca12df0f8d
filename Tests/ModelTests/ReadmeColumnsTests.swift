import Foundation
import MailModel
import Testing

/// The README's table of canonical CSV columns says exactly what the code reads and writes.
@Suite struct ReadmeColumnsTests {
    @Test func everyCanonicalFieldIsInTheReadmeTableInOrder() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `") && $0.contains(" | ") }
        let names = rows.compactMap { row -> String? in
            let cell = row.dropFirst(3)
            guard let end = cell.firstIndex(of: "`") else { return nil }
            return String(cell[..<end])
        }.filter { name in CanonicalField(rawValue: name) != nil || name.contains("_") && !name.contains(" ") }
        let fieldRows = names.filter { !["runs", "accounts", "account_state", "rejects", "findings"].contains($0) }
        #expect(fieldRows == CanonicalField.ordered.map(\.name))
    }
}
