/// What the customer report shows, read from the store: the totals, and
/// (one at a time) every account with the findings of the run that last
/// read it and the connect-test results of the newest run that tested it.
/// Holds no password.
public struct ReportData: Sendable {
    public struct Account: Sendable {
        public var id: Int64
        public var email: String
        public var displayName: String
        public var origin: String
        public var incoming: String
        public var outgoing: String
        public var findings: [Finding] = []
        public var probes: [Probe] = []
    }

    public struct Finding: Sendable {
        public var rule: String
        public var severity: String
        public var field: String
        public var message: String
        public var fix: String
    }

    public struct Probe: Sendable {
        public var service: String
        public var endpoint: String
        public var status: String
        public var detail: String
        public var tlsVersion: String
        public var certificateExpiry: String
    }

    public var database: String
    public var runs: Int
    public var findingsRun: Int64?
    public var probeRun: Int64?
    /// The totals the report opens with, counted by the database before
    /// any account is read: the accounts themselves are read one at a time
    /// (`forEachReportAccount`), so that memory stays flat however many
    /// accounts the store holds.
    public var accountCount: Int
    public var accountsWithErrors: Int
    /// Findings (of the run that last read each account) by severity.
    public var findingCounts: [String: Int]
    /// The newest connect-test results by status.
    public var statusCounts: [String: Int]
}

extension AccountStore {
    /// The findings the report shows: each account's from the run that last read it.
    private static let reportedFindings = """
        findings f JOIN account_state s ON s.account_id = f.account_id AND s.last_seen_run = f.run_id
        """

    /// The connect-test results the report shows: each account's from the newest run that tested it.
    private static let reportedProbes = """
        probe_results p JOIN (SELECT account_id, MAX(run_id) AS run_id FROM probe_results GROUP BY account_id) n
            ON n.account_id = p.account_id AND n.run_id = p.run_id
        JOIN accounts a ON a.id = p.account_id
        """

    /// The report's totals.
    public func reportData() throws(StoreError) -> ReportData {
        var findingCounts: [String: Int] = [:]
        let bySeverity = try db.prepare("SELECT f.severity, COUNT(*) FROM \(Self.reportedFindings) GROUP BY f.severity")
        while try bySeverity.step() { findingCounts[bySeverity.text(0)] = Int(bySeverity.int64(1)) }
        var statusCounts: [String: Int] = [:]
        let byStatus = try db.prepare("SELECT p.status, COUNT(*) FROM \(Self.reportedProbes) GROUP BY p.status")
        while try byStatus.step() { statusCounts[byStatus.text(0)] = Int(byStatus.int64(1)) }
        return ReportData(
            database: path, runs: try count("runs"),
            findingsRun: try optionalInteger("SELECT MAX(run_id) FROM findings"),
            probeRun: try optionalInteger("SELECT MAX(run_id) FROM probe_results"),
            accountCount: try count("accounts"),
            accountsWithErrors: Int(try db.integer(
                "SELECT COUNT(DISTINCT f.account_id) FROM \(Self.reportedFindings) WHERE f.severity = 'error'")),
            findingCounts: findingCounts, statusCounts: statusCounts)
    }

    /// Every account in the report's order (by address), with its findings
    /// and newest connect tests: three queries in that same order, read side
    /// by side, one account at a time.
    public func forEachReportAccount(_ body: (ReportData.Account) throws -> Void) throws {
        let list = try db.prepare(
            """
            SELECT id, email, display_name, origin, incoming_protocol, incoming_host, incoming_port, incoming_security,
                   outgoing_enabled, outgoing_host, outgoing_port, outgoing_security FROM accounts ORDER BY email, id
            """)
        let findings = try db.prepare(
            """
            SELECT f.account_id, f.rule, f.severity, COALESCE(f.field, ''), f.message, COALESCE(f.fix, '')
            FROM \(Self.reportedFindings) JOIN accounts a ON a.id = f.account_id ORDER BY a.email, a.id, f.id
            """)
        let probes = try db.prepare(
            """
            SELECT p.account_id, p.service, p.host, p.port, COALESCE(p.security, ''), p.status, p.detail,
                   COALESCE(p.tls_version, ''), COALESCE(p.certificate_expiry, '')
            FROM \(Self.reportedProbes) ORDER BY a.email, a.id, p.id
            """)
        var findingsLeft = try findings.step()
        var probesLeft = try probes.step()
        while try list.step() {
            func server(_ protocolName: String, _ host: Int32, _ port: Int32, _ security: Int32) -> String {
                let h = list.text(host)
                guard !h.isEmpty else { return "" }
                let p = list.text(port)
                let s = list.text(security)
                return "\(protocolName) \(h)" + (p.isEmpty ? "" : ":\(p)") + (s.isEmpty ? "" : " \(s)")
            }
            let id = list.int64(0)
            var account = ReportData.Account(
                id: id, email: list.text(1), displayName: list.text(2), origin: list.text(3),
                incoming: server(list.text(4).isEmpty ? "imap" : list.text(4), 5, 6, 7), outgoing: server("smtp", 9, 10, 11))
            // The three queries list accounts in the same order: an account's
            // findings and probes are the rows up to the next account's.
            while findingsLeft && findings.int64(0) == id {
                account.findings.append(ReportData.Finding(
                    rule: findings.text(1), severity: findings.text(2), field: findings.text(3), message: findings.text(4),
                    fix: findings.text(5)))
                findingsLeft = try findings.step()
            }
            while probesLeft && probes.int64(0) == id {
                let port = probes.text(3)
                let endpoint = probes.text(2).isEmpty ? "" : probes.text(2) + (port.isEmpty ? "" : ":\(port)") + " " + probes.text(4)
                account.probes.append(ReportData.Probe(
                    service: probes.text(1), endpoint: endpoint, status: probes.text(5), detail: probes.text(6),
                    tlsVersion: probes.text(7), certificateExpiry: probes.text(8)))
                probesLeft = try probes.step()
            }
            try body(account)
        }
    }

    private func optionalInteger(_ sql: String) throws(StoreError) -> Int64? {
        let value = try db.integer("SELECT COALESCE((\(sql)), 0)")
        return value == 0 ? nil : value
    }
}
