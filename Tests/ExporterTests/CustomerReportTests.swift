import Foundation
import MailModel
import TestSupport
import Testing

@testable import Exporters

/// The report reads accounts, findings and connect tests side by side in
/// address order: each account gets the findings of the run that last read
/// it and the results of the newest run that tested it, and the totals
/// count the same.
@Suite struct CustomerReportTests {
    func account(_ email: String) -> MailAccount {
        var a = MailAccount()
        a.identity.email = email
        a.incoming.protocolKind = .imap
        a.incoming.host = "imap.x.de"
        a.incoming.port = 993
        a.incoming.security = .tls
        a.incoming.password = Secret("Geheim!1")
        return a
    }

    func probe(_ id: Int64?, _ service: String, _ status: String) -> ProbeRecord {
        ProbeRecord(
            accountID: id, service: service, host: "\(service).x.de", port: 993, security: "tls", status: status,
            detail: status == "ok" ? "" : "detail of \(status)", tlsVersion: nil, tlsCipher: nil, certificateSubject: nil,
            certificateExpiry: nil, capabilities: "", authMechanisms: "", timings: "")
    }

    @Test func accountsFindingsAndProbesMeetInAddressOrder() throws {
        let dir = TemporaryDirectory()
        let store = try AccountStore(path: dir.path + "/s.sqlite")
        // Run 1: c, a, b (stored in that order: ids 1, 2, 3).
        _ = try store.beginRun(sources: ["in.csv"])
        var rows: [String: (Int64, AccountRow)] = [:]
        for (line, email) in ["c@x.de", "a@x.de", "b@x.de"].enumerated() {
            let row = AccountRow(account: account(email), source: SourceReference(file: "in.csv", line: line + 2))
            guard case .inserted(let id) = try store.store(row) else { Issue.record("not inserted"); return }
            rows[email] = (id, row)
        }
        let (c, a) = (rows["c@x.de"]!, rows["a@x.de"]!)
        try store.recordFinding(accountID: c.0, of: c.1, rule: "r-c", severity: "error", field: nil, message: "c old", fix: nil)
        try store.recordFinding(accountID: a.0, of: a.1, rule: "r-a", severity: "warning", field: nil, message: "a old", fix: nil)
        _ = try store.finishRun()
        try store.storeProbeResults(runID: 1, [probe(c.0, "imap", "ok"), probe(a.0, "smtp", "timeout"), probe(999, "imap", "ok")])
        // Run 2 reads a again, with another finding, and tests it again.
        _ = try store.beginRun(sources: ["in2.csv"])
        let again = AccountRow(account: account("a@x.de"), source: SourceReference(file: "in2.csv", line: 2))
        _ = try store.store(again)
        try store.recordFinding(accountID: a.0, of: again, rule: "r-a2", severity: "error", field: nil, message: "a new", fix: "fix a")
        _ = try store.finishRun()
        try store.storeProbeResults(runID: 2, [probe(a.0, "imap", "tls-error")])

        let data = try store.reportData()
        #expect(data.accountCount == 3 && data.accountsWithErrors == 2 && data.runs == 2)
        #expect(data.findingCounts == ["error": 2])
        #expect(data.statusCounts == ["ok": 1, "tls-error": 1])
        var seen: [String] = []
        try store.forEachReportAccount { account in
            seen.append(([account.email] + account.findings.map { "\($0.rule) \($0.message)" }
                + account.probes.map { "\($0.service) \($0.status)" }).joined(separator: " | "))
        }
        #expect(seen == ["a@x.de | r-a2 a new | imap tls-error", "b@x.de", "c@x.de | r-c c old | imap ok"])

        let sink = MemorySink()
        try CustomerReport.write(data, to: sink) { try store.forEachReportAccount($0) }
        let html = sink.text
        #expect(html.components(separatedBy: "<tr data-severity=").count - 1 == 3)
        #expect(html.contains("<div class=\"card error\"><b>2</b><span>Konten mit Fehlern</span></div>"))
        #expect(html.contains("<code>r-a2</code> a new<br><span class=\"fix\">→ fix a</span>"))
        #expect(html.hasSuffix("</script>\n</body></html>\n") && !html.contains("Geheim"))
    }
}
