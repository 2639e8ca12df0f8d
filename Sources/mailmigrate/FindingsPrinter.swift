#if canImport(Glibc)
import Glibc
#endif
import Exporters
import Foundation
import Validation

/// Prints `validate`'s findings in the chosen format as each account is
/// checked, so that memory does not grow with the number of accounts. JUnit
/// opens with the counts of test cases and failures: its test cases wait in
/// an unnamed temporary file (`tmpfile`, gone when closed) until they are known.
final class FindingsPrinter {
    private let format: FindingsFormat
    private let failOn: Severity?
    private let colour: Bool
    private let output: FileHandleStream
    private var buffer = ""
    private var accounts = 0
    private var accountsWithFindings = 0
    private var counts: [Severity: Int] = [:]
    private var failing = 0
    private let spool: UnsafeMutablePointer<FILE>?
    /// Why a write to the spool failed (a full /tmp): the report would lack test cases, so `finish` refuses it.
    private var spoolFailure: String?

    /// Whether an account had a finding at or above `failOn`.
    var reachedThreshold: Bool { failing > 0 }

    init(format: FindingsFormat, failOn: Severity?, colour: Bool, output: FileHandleStream = .standardOutput) throws {
        self.format = format
        self.failOn = failOn
        self.colour = colour
        self.output = output
        if format == .junit {
            guard let file = tmpfile() else {
                throw Failure(OutputError(path: Self.spoolName, message: String(cString: strerror(errno))))
            }
            spool = file
        } else {
            spool = nil
        }
    }

    deinit { if let spool { fclose(spool) } }

    func add(email: String, source: String, findings: [Finding]) {
        accounts += 1
        if !findings.isEmpty { accountsWithFindings += 1 }
        let failures = findings.filter { f in failOn.map { f.severity >= $0 } ?? false }
        if !failures.isEmpty { failing += 1 }
        switch format {
        case .text: text(email: email, source: source, findings: findings)
        case .json: json(email: email, source: source, findings: findings)
        case .junit: junit(email: email, source: source, findings: findings, failures: failures)
        }
        if buffer.utf8.count >= 1 << 16 { drain() }
    }

    /// Where `tmpfile` makes the spool (glibc: P_tmpdir, whatever TMPDIR says).
    private static let spoolName = "the JUnit report's temporary file in /tmp"

    /// Writes what is left: the text summary, or the JUnit document around its test cases.
    func finish() throws {
        switch format {
        case .text:
            buffer += "\(accounts) accounts, \(accountsWithFindings) with findings: \(counts[.error, default: 0]) errors, "
                + "\(counts[.warning, default: 0]) warnings, \(counts[.info, default: 0]) info\n"
            drain()
        case .json:
            drain()
        case .junit:
            drain()
            if let spool, spoolFailure == nil, fflush(spool) != 0 { spoolFailure = String(cString: strerror(errno)) }
            if let spoolFailure { throw Failure(OutputError(path: Self.spoolName, message: spoolFailure)) }
            output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
                + "<testsuite name=\"mailmigrate validate\" tests=\"\(accounts)\" failures=\"\(failing)\" errors=\"0\">\n")
            if let spool {
                rewind(spool)
                var chunk = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let n = fread(&chunk, 1, chunk.count, spool)
                    if n == 0 { break }
                    chunk.withUnsafeBufferPointer { output.write(bytes: UnsafeBufferPointer(rebasing: $0[..<n])) }
                }
            }
            output.write("</testsuite>\n</testsuites>\n")
        }
    }

    /// Writes what waits in the buffer, so that a line on standard error
    /// (a rejected record) comes after the findings read before it.
    func flush() { drain() }

    private func drain() {
        guard !buffer.isEmpty else { return }
        if let spool {
            var text = buffer
            let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, spool) }
            if written < text.utf8.count && spoolFailure == nil { spoolFailure = String(cString: strerror(errno)) }
        } else {
            output.write(buffer)
        }
        buffer = ""
    }

    private func text(email: String, source: String, findings: [Finding]) {
        guard !findings.isEmpty else { return }
        func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        let shown = email.isEmpty ? "(no address)" : TerminalText.visible(email)
        buffer += paint(shown, "1") + "  " + TerminalText.visible(source) + "\n"
        for f in findings {
            counts[f.severity, default: 0] += 1
            let severity = f.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            let code = f.severity == .error ? "31" : f.severity == .warning ? "33" : "36"
            buffer += "  " + paint(severity, code) + " " + f.rule.padding(toLength: 29, withPad: " ", startingAt: 0)
                + " " + (f.field.map { $0.name + ": " } ?? "") + TerminalText.visible(f.message) + "\n"
            if let fix = f.fix { buffer += "           fix: \(fix)\n" }
        }
    }

    private func json(email: String, source: String, findings: [Finding]) {
        for f in findings {
            var object = JSONObjectText()
            object.set("account", email)
            object.set("source", source)
            object.set("rule", f.rule)
            object.set("severity", f.severity.rawValue)
            object.set("message", f.message)
            object.set("field", f.field?.name)
            object.set("fix", f.fix)
            buffer += object.text + "\n"
        }
    }

    private func junit(email: String, source: String, findings: [Finding], failures: [Finding]) {
        func x(_ s: String) -> String { MarkupText.escaped(s) }
        buffer += "  <testcase classname=\"\(x(source))\" name=\"\(x(email))\">\n"
        if !failures.isEmpty {
            buffer += "    <failure type=\"\(failures.map(\.severity).max()!.rawValue)\" message=\"\(failures.count) finding(s)\">"
            buffer += x(failures.map { "\($0.severity.rawValue) \($0.rule): \($0.message)" }.joined(separator: "\n"))
            buffer += "</failure>\n"
        }
        let others = findings.filter { f in !(failOn.map { f.severity >= $0 } ?? false) }
        if !others.isEmpty {
            buffer += "    <system-out>" + x(others.map { "\($0.severity.rawValue) \($0.rule): \($0.message)" }.joined(separator: "\n"))
                + "</system-out>\n"
        }
        buffer += "  </testcase>\n"
    }
}
