import Foundation
import TestSupport

/// The rows of the OpenXE fixtures as MariaDB returned them (see `OpenXEFixtures`).
enum OpenXEFixtureRows {
    static func rows(_ table: String) throws -> [[String: String?]] { try OpenXEFixtures.rows(table) }

    static func emailbackup(id: Int) throws -> [String: String?] {
        try rows("emailbackup").first { $0["id"] == String(id) }!
    }
}
