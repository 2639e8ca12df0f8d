import Foundation

/// The real Dovecot and Postfix of scripts/mail-servers, which scripts/test
/// starts before the tests (MAILMIGRATE_MAIL_SERVERS names their folder).
/// Without them the connect tests are disabled, and say so.
enum MailServers {
    static let directory: String? = ProcessInfo.processInfo.environment["MAILMIGRATE_MAIL_SERVERS"]

    static var available: Bool { directory.map { FileManager.default.fileExists(atPath: $0 + "/ports.env") } ?? false }

    static let ports: [String: String] = {
        let text = directory.flatMap { try? String(contentsOfFile: $0 + "/ports.env", encoding: .utf8) } ?? ""
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { out[String(parts[0])] = String(parts[1]) }
        }
        return out
    }()

    static func port(_ name: String) -> Int { Int(ports[name] ?? "") ?? 0 }
    static var caFile: String { ports["MAILMIGRATE_CA"] ?? "" }
}
