import Foundation

/// The real Dovecot and Postfix of scripts/mail-servers: the ones
/// scripts/test started (MAILMIGRATE_MAIL_SERVERS names their folder), or,
/// when the tests run on their own, started here once.
enum MailServers {
    static let directory: String = {
        if let dir = ProcessInfo.processInfo.environment["MAILMIGRATE_MAIL_SERVERS"] { return dir }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let dir = NSTemporaryDirectory() + "mailmigrate-mail-servers-\(getpid())"
        let process = Process()
        process.executableURL = root.appendingPathComponent("scripts/mail-servers")
        process.arguments = ["start", dir]
        try! process.run()
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "scripts/mail-servers start failed")
        return dir
    }()

    static let ports: [String: String] = {
        let text = (try? String(contentsOfFile: directory + "/ports.env", encoding: .utf8)) ?? ""
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
