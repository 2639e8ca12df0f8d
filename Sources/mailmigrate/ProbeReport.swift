import ConnectTest
import Foundation

/// Connect-test results as text for people or JSON Lines for scripts.
enum ProbeReport {
    static func text(_ accounts: [ProbedAccount]) -> String {
        var out = ""
        var counts: [String: Int] = [:]
        for account in accounts {
            out += "\(account.email.isEmpty ? "(no address)" : account.email)  \(account.source)\n"
            for (role, result, skip) in account.results {
                guard let result else {
                    out += "  \(role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) skipped: \(skip ?? "")\n"
                    counts["skipped", default: 0] += 1
                    continue
                }
                counts[result.status.rawValue, default: 0] += 1
                let t = result.target
                var line = "  \(role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(t.service.rawValue) \(t.host):\(t.port) \(t.security.canonicalName)"
                line += "  \(result.status.rawValue)"
                if result.status != .ok || result.detail.isEmpty == false { line += ": \(result.detail)" }
                var facts: [String] = []
                if let v = result.tlsVersion { facts.append(v) }
                if let s = result.certificateSubject { facts.append(s) }
                if !result.authMechanisms.isEmpty { facts.append("auth " + result.authMechanisms.joined(separator: " ")) }
                let total = result.timings.reduce(0) { $0 + $1.milliseconds }
                if !result.timings.isEmpty { facts.append(String(format: "%.0f ms", total)) }
                if result.insecure { facts.append("certificate not verified (--insecure)") }
                if !facts.isEmpty { line += " (" + facts.joined(separator: ", ") + ")" }
                out += line + "\n"
                if let login = result.login { out += "            login: \(login.status.rawValue): \(login.detail)\n" }
            }
        }
        let summary = ProbeStatus.allCases.compactMap { status in counts[status.rawValue].map { "\($0) \(status.rawValue)" } }
        out += "\(accounts.count) accounts: " + (summary.isEmpty ? "nothing to test" : summary.joined(separator: ", ")) + "\n"
        return out
    }

    static func json(_ accounts: [ProbedAccount]) -> String {
        var out = ""
        let formatter = ISO8601DateFormatter()
        for account in accounts {
            for (role, result, skip) in account.results {
                var object: [String: Any] = ["account": account.email, "source": account.source, "role": role.rawValue]
                if let result {
                    object["service"] = result.target.service.rawValue
                    object["host"] = result.target.host
                    object["port"] = result.target.port
                    object["security"] = result.target.security.canonicalName
                    object["status"] = result.status.rawValue
                    object["detail"] = result.detail
                    object["tls_version"] = result.tlsVersion ?? NSNull()
                    object["certificate_subject"] = result.certificateSubject ?? NSNull()
                    object["certificate_expiry"] = result.certificateExpiry.map { formatter.string(from: $0) } ?? NSNull()
                    object["capabilities"] = result.capabilities
                    object["auth_mechanisms"] = result.authMechanisms
                    object["timings_ms"] = Dictionary(result.timings.map { ($0.step, $0.milliseconds) }, uniquingKeysWith: +)
                    object["insecure"] = result.insecure
                    if let login = result.login { object["login"] = ["status": login.status.rawValue, "detail": login.detail] }
                } else {
                    object["status"] = ProbeStatus.skipped.rawValue
                    object["detail"] = skip ?? ""
                }
                let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
                out += String(decoding: data, as: UTF8.self) + "\n"
            }
        }
        return out
    }
}
