import ArgumentParser
import Exporters
import Foundation
import Validation

/// How `validate` prints its findings.
enum FindingsFormat: String, ExpressibleByArgument, CaseIterable {
    /// Grouped by account, for people; coloured on a terminal unless NO_COLOR is set.
    case text
    /// JSON Lines: one object per finding.
    case json
    /// JUnit XML, one test case per account, for CI systems.
    case junit

    func render(_ accounts: [ValidatedAccount], failOn: Severity?, colour: Bool) -> String {
        switch self {
        case .text: Self.text(accounts, colour: colour)
        case .json: Self.json(accounts)
        case .junit: Self.junit(accounts, failOn: failOn)
        }
    }

    private static func text(_ accounts: [ValidatedAccount], colour: Bool) -> String {
        func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = ""
        var counts: [Severity: Int] = [:]
        for account in accounts where !account.findings.isEmpty {
            let shown = account.email.isEmpty ? "(no address)" : TerminalText.visible(account.email)
            out += paint(shown, "1") + "  " + TerminalText.visible(account.source) + "\n"
            for f in account.findings {
                counts[f.severity, default: 0] += 1
                let severity = f.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                let code = f.severity == .error ? "31" : f.severity == .warning ? "33" : "36"
                out += "  " + paint(severity, code) + " " + f.rule.padding(toLength: 29, withPad: " ", startingAt: 0)
                    + " " + (f.field.map { $0.name + ": " } ?? "") + TerminalText.visible(f.message) + "\n"
                if let fix = f.fix { out += "           fix: \(fix)\n" }
            }
        }
        let with = accounts.filter { !$0.findings.isEmpty }.count
        out += "\(accounts.count) accounts, \(with) with findings: \(counts[.error, default: 0]) errors, "
            + "\(counts[.warning, default: 0]) warnings, \(counts[.info, default: 0]) info\n"
        return out
    }

    private static func json(_ accounts: [ValidatedAccount]) -> String {
        var out = ""
        for account in accounts {
            for f in account.findings {
                var object = JSONObjectText()
                object.set("account", account.email)
                object.set("source", account.source)
                object.set("rule", f.rule)
                object.set("severity", f.severity.rawValue)
                object.set("message", f.message)
                object.set("field", f.field?.name)
                object.set("fix", f.fix)
                out += object.text + "\n"
            }
        }
        return out
    }

    private static func junit(_ accounts: [ValidatedAccount], failOn: Severity?) -> String {
        func x(_ s: String) -> String { MarkupText.escaped(s) }
        let failing = accounts.filter { a in a.findings.contains { f in failOn.map { f.severity >= $0 } ?? false } }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites>\n<testsuite name=\"mailmigrate validate\" tests=\"\(accounts.count)\" failures=\"\(failing.count)\" errors=\"0\">\n"
        for account in accounts {
            out += "  <testcase classname=\"\(x(account.source))\" name=\"\(x(account.email))\">\n"
            let failures = account.findings.filter { f in failOn.map { f.severity >= $0 } ?? false }
            if !failures.isEmpty {
                out += "    <failure type=\"\(failures.map(\.severity).max()!.rawValue)\" message=\"\(failures.count) finding(s)\">"
                out += x(failures.map { "\($0.severity.rawValue) \($0.rule): \($0.message)" }.joined(separator: "\n"))
                out += "</failure>\n"
            }
            let others = account.findings.filter { f in !(failOn.map { f.severity >= $0 } ?? false) }
            if !others.isEmpty {
                out += "    <system-out>" + x(others.map { "\($0.severity.rawValue) \($0.rule): \($0.message)" }.joined(separator: "\n")) + "</system-out>\n"
            }
            out += "  </testcase>\n"
        }
        out += "</testsuite>\n</testsuites>\n"
        return out
    }
}
