/// What the customer report shows, read from the store: every account with
/// the findings of the run that last read it and the connect-test results of
/// the newest run that tested it. Holds no password.
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
    public var accounts: [Account]
}

extension AccountStore {
    /// The report's data.
    public func reportData() throws -> ReportData {
        var accounts: [ReportData.Account] = []
        var index: [Int64: Int] = [:]
        let list = try db.prepare(
            """
            SELECT id, email, display_name, origin, incoming_protocol, incoming_host, incoming_port, incoming_security,
                   outgoing_enabled, outgoing_host, outgoing_port, outgoing_security FROM accounts ORDER BY email, id
            """)
        while try list.step() {
            func server(_ protocolName: String, _ host: Int32, _ port: Int32, _ security: Int32) -> String {
                let h = list.text(host)
                guard !h.isEmpty else { return "" }
                let p = list.text(port)
                let s = list.text(security)
                return "\(protocolName) \(h)" + (p.isEmpty ? "" : ":\(p)") + (s.isEmpty ? "" : " \(s)")
            }
            let incoming = server(list.text(4).isEmpty ? "imap" : list.text(4), 5, 6, 7)
            let outgoing = server("smtp", 9, 10, 11)
            index[list.int64(0)] = accounts.count
            accounts.append(ReportData.Account(
                id: list.int64(0), email: list.text(1), displayName: list.text(2), origin: list.text(3), incoming: incoming,
                outgoing: outgoing))
        }
        let findingsRun = try optionalInteger("SELECT MAX(run_id) FROM findings")
        if findingsRun != nil {
            // Each account's findings from the run that last read it.
            let findings = try db.prepare(
                """
                SELECT f.account_id, f.rule, f.severity, COALESCE(f.field, ''), f.message, COALESCE(f.fix, '')
                FROM findings f JOIN account_state s ON s.account_id = f.account_id AND s.last_seen_run = f.run_id
                ORDER BY f.id
                """)
            while try findings.step() {
                guard let at = index[findings.int64(0)] else { continue }
                accounts[at].findings.append(ReportData.Finding(
                    rule: findings.text(1), severity: findings.text(2), field: findings.text(3), message: findings.text(4),
                    fix: findings.text(5)))
            }
        }
        let probeRun = try optionalInteger("SELECT MAX(run_id) FROM probe_results")
        if probeRun != nil {
            // Each account's newest connect tests.
            let probes = try db.prepare(
                """
                SELECT p.account_id, p.service, p.host, p.port, COALESCE(p.security, ''), p.status, p.detail,
                       COALESCE(p.tls_version, ''), COALESCE(p.certificate_expiry, '')
                FROM probe_results p
                WHERE p.run_id = (SELECT MAX(q.run_id) FROM probe_results q WHERE q.account_id = p.account_id)
                ORDER BY p.id
                """)
            while try probes.step() {
                guard let at = index[probes.int64(0)] else { continue }
                let port = probes.text(3)
                let endpoint = probes.text(2).isEmpty ? "" : probes.text(2) + (port.isEmpty ? "" : ":\(port)") + " " + probes.text(4)
                accounts[at].probes.append(ReportData.Probe(
                    service: probes.text(1), endpoint: endpoint, status: probes.text(5), detail: probes.text(6),
                    tlsVersion: probes.text(7), certificateExpiry: probes.text(8)))
            }
        }
        return ReportData(
            database: path, runs: try count("runs"), findingsRun: findingsRun, probeRun: probeRun, accounts: accounts)
    }

    private func optionalInteger(_ sql: String) throws(StoreError) -> Int64? {
        let value = try db.integer("SELECT COALESCE((\(sql)), 0)")
        return value == 0 ? nil : value
    }
}
