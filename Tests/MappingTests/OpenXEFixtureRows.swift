import Foundation

/// The rows of the OpenXE fixtures as MariaDB returned them
/// (Tests/Fixtures/openxe/expected-*.jsonl, made by scripts/openxe-fixtures),
/// as column texts: numbers as written, nil for NULL.
enum OpenXEFixtureRows {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/openxe")

    static func rows(_ table: String) throws -> [[String: String?]] {
        let text = try String(contentsOf: directory.appendingPathComponent("expected-\(table).jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return object.mapValues { value -> String? in
                switch value {
                case is NSNull: nil
                case let number as NSNumber: number.stringValue
                default: value as? String
                }
            }
        }
    }

    static func emailbackup(id: Int) throws -> [String: String?] {
        try rows("emailbackup").first { $0["id"] == String(id) }!
    }
}
