import ConnectTest
import Exporters
import Foundation

/// Connect-test results as text for people or JSON Lines for scripts.
enum ProbeReport {
    static func text(_ accounts: [ProbedAccount]) -> String {
        var out = ""
        var counts: [String: Int] = [:]
        for account in accounts {
            let shown = account.email.isEmpty ? "(no address)" : TerminalText.visible(account.email)
            out += "\(shown)  \(TerminalText.visible(account.source))\n"
            for (role, result, skip) in account.results {
                guard let result else {
                    out += "  \(role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) skipped: \(skip ?? "")\n"
                    counts["skipped", default: 0] += 1
                    continue
                }
                counts[result.status.rawValue, default: 0] += 1
                let t = result.target
                var line = "  \(role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(t.service.rawValue) \(TerminalText.visible(t.host)):\(t.port) \(t.security.canonicalName)"
                line += "  \(result.status.rawValue)"
                if result.status != .ok || result.detail.isEmpty == false { line += ": \(TerminalText.visible(result.detail))" }
                var facts: [String] = []
                if let v = result.tlsVersion { facts.append(v) }
                if let s = result.certificateSubject { facts.append(TerminalText.visible(s)) }
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
                var object = JSONObjectText()
                object.set("account", account.email)
                object.set("source", account.source)
                object.set("role", role.rawValue)
                if let result {
                    object.set("service", result.target.service.rawValue)
                    object.set("host", result.target.host)
                    object.set("port", result.target.port)
                    object.set("security", result.target.security.canonicalName)
                    object.set("status", result.status.rawValue)
                    object.set("detail", result.detail)
                    object.set("tls_version", result.tlsVersion)
                    object.set("certificate_subject", result.certificateSubject)
                    object.set("certificate_expiry", result.certificateExpiry.map { formatter.string(from: $0) })
                    object.set("capabilities", result.capabilities)
                    object.set("auth_mechanisms", result.authMechanisms)
                    var timings = JSONObjectText()
                    for (step, milliseconds) in Dictionary(
                        result.timings.map { ($0.step, $0.milliseconds) }, uniquingKeysWith: +)
                    {
                        timings.set(step, milliseconds)
                    }
                    object.set("timings_ms", timings)
                    object.set("insecure", result.insecure)
                    if let login = result.login {
                        var loginObject = JSONObjectText()
                        loginObject.set("status", login.status.rawValue)
                        loginObject.set("detail", login.detail)
                        object.set("login", loginObject)
                    }
                } else {
                    object.set("status", ProbeStatus.skipped.rawValue)
                    object.set("detail", skip ?? "")
                }
                out += object.text + "\n"
            }
        }
        return out
    }
}
