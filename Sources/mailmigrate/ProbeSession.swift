import ConnectTest
import Exporters
import Foundation
import MailModel

/// One account's connect-test results, for reports and the store.
struct ProbedAccount {
    let email: String
    let source: String
    let accountID: Int64?
    let results: [(role: ProbeRequest.Role, result: ProbeResult?, skipReason: String?)]
}

/// Runs the connect tests of a list of accounts and shows progress on a
/// terminal: the part of `probe` and `run --probe` that is the same.
enum ProbeSession {
    static func run(
        _ accounts: [(email: String, source: String, id: Int64?, account: MailAccount)], options: ProbeOptions
    ) async throws -> [ProbedAccount] {
        var requests: [ProbeRequest] = []
        var owner: [Int] = []
        for (index, entry) in accounts.enumerated() {
            for request in ProbeRequest.requests(for: entry.account) {
                requests.append(request)
                owner.append(index)
            }
        }
        let prober = try MailProber(options: options)
        let bar = ProbeProgress()
        let results = await ProbeRunner(prober: prober, options: options).run(requests) { done, planned in
            bar.update(done: done, planned: planned)
        }
        bar.clear()
        await prober.shutdown()
        var grouped = accounts.map { ProbedAccount(email: $0.email, source: $0.source, accountID: $0.id, results: []) }
        for (index, request) in requests.enumerated() {
            let entry = grouped[owner[index]]
            grouped[owner[index]] = ProbedAccount(
                email: entry.email, source: entry.source, accountID: entry.accountID,
                results: entry.results + [(request.role, results[index], request.skipReason)])
        }
        return grouped
    }

    static func failures(_ accounts: [ProbedAccount]) -> Int {
        accounts.reduce(0) { $0 + $1.results.filter { $0.result?.status.isFailure == true }.count }
    }

    /// Store rows for the results (skipped endpoints included, with their reason).
    static func records(_ accounts: [ProbedAccount]) -> [ProbeRecord] {
        var out: [ProbeRecord] = []
        let formatter = ISO8601DateFormatter()
        for account in accounts {
            for (role, result, skip) in account.results {
                guard let result else {
                    out.append(ProbeRecord(
                        accountID: account.accountID, service: role.rawValue, host: "", port: nil, security: nil, status: "skipped",
                        detail: skip ?? "", tlsVersion: nil, tlsCipher: nil, certificateSubject: nil, certificateExpiry: nil,
                        capabilities: "", authMechanisms: "", timings: ""))
                    continue
                }
                var detail = result.detail
                if let login = result.login, login.status != result.status || login.status == .skipped { detail += "; login: \(login.status.rawValue): \(login.detail)" }
                if result.insecure { detail += " (certificate not verified: --insecure)" }
                out.append(ProbeRecord(
                    accountID: account.accountID, service: result.target.service.rawValue, host: result.target.host,
                    port: result.target.port, security: result.target.security.canonicalName, status: result.status.rawValue,
                    detail: detail, tlsVersion: result.tlsVersion, tlsCipher: result.tlsCipher,
                    certificateSubject: result.certificateSubject, certificateExpiry: result.certificateExpiry.map { formatter.string(from: $0) },
                    capabilities: result.capabilities.joined(separator: " "), authMechanisms: result.authMechanisms.joined(separator: " "),
                    timings: result.timings.map { "\($0.step)=\($0.milliseconds)" }.joined(separator: " ")))
            }
        }
        return out
    }
}

/// `[####    ] 12/40 connections` on a terminal.
final class ProbeProgress: @unchecked Sendable {
    private let enabled = FileHandleStream.standardError.isTerminal
    private let lock = NSLock()
    private var drawn = false

    func update(done: Int, planned: Int) {
        guard enabled, planned > 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        let width = 30
        let filled = min(width, done * width / planned)
        FileHandleStream.standardError.write(
            "\r\u{1B}[K[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(planned) connections")
        drawn = true
    }

    func clear() {
        if drawn { FileHandleStream.standardError.write("\r\u{1B}[K") }
    }
}
