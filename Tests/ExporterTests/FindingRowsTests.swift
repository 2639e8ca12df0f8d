import Testing

@testable import Exporters

/// A row's findings as texts: each text where `parts(of:)` says, a missing
/// field or fix told apart from an empty one.
@Suite struct FindingRowsTests {
    func texts(_ rows: FindingRows, _ index: Int) -> [String?] {
        let parts = rows.parts(of: index)
        let bytes = rows.bytes
        func text(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }
        return [
            text(parts.start, parts.ends.0), text(parts.ends.0, parts.ends.1),
            parts.hasField ? text(parts.ends.1, parts.ends.2) : nil, text(parts.ends.2, parts.ends.3),
            parts.hasFix ? text(parts.ends.3, parts.ends.4) : nil,
        ]
    }

    @Test func eachFindingReadsBackAsItWasAdded() {
        var rows = FindingRows()
        #expect(rows.isEmpty && rows.count == 0)
        rows.append(
            rule: "cleartext-connection", severity: "warning", field: "incoming_security",
            message: "IMAP connection is not encrypted", fix: "Use implicit TLS")
        rows.append(rule: "unknown-placeholder", severity: "error", field: nil, message: "Grüße – {X} ✓", fix: nil)
        rows.append(rule: "r", severity: "info", field: "", message: "", fix: "")
        #expect(rows.count == 3)
        #expect(texts(rows, 0) == ["cleartext-connection", "warning", "incoming_security", "IMAP connection is not encrypted", "Use implicit TLS"])
        #expect(texts(rows, 1) == ["unknown-placeholder", "error", nil, "Grüße – {X} ✓", nil])
        #expect(texts(rows, 2) == ["r", "info", "", "", ""])
    }
}
