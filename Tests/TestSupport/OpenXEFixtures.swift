import Foundation

/// The OpenXE fixtures of Tests/Fixtures/openxe (made by scripts/openxe-fixtures)
/// and the rows MariaDB returned for them, as column texts.
public enum OpenXEFixtures {
    public static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/openxe")

    /// Every row of `expected-TABLE.jsonl`: numbers as written, nil for NULL.
    public static func rows(_ table: String) throws -> [[String: String?]] {
        let text = try String(contentsOf: directory.appendingPathComponent("expected-\(table).jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return object.mapValues { value -> String? in
                switch value {
                case is NSNull: nil
                case let number as NSNumber: number.stringValue
                default: value as? String
                }
            }
        }
    }
}
