import Foundation

/// The report a consultant hands the customer: one self-contained HTML file
/// (no external assets; it works offline and prints) with the counts, every
/// account with its findings and connect-test results, filters by severity
/// and status, and sortable columns. It is built from `ReportData`, which
/// holds no password, and every text is HTML-escaped; it is written as the
/// accounts are read.
public enum CustomerReport {
    /// Writes the report to `sink`: the totals of `data`, then one table row
    /// per account as `accounts` hands them over (from the store, one at a
    /// time: a report of a million accounts needs no more memory than one of ten).
    public static func write(
        _ data: ReportData, to sink: ByteSink, generatedAt: Date = Date(),
        accounts: ((ReportData.Account) throws -> Void) throws -> Void
    ) throws {
        try sink.write(head(data, generatedAt: generatedAt))
        var rows = ""
        try accounts { account in
            row(account, into: &rows)
            if rows.utf8.count >= 1 << 16 {
                try sink.write(rows)
                rows = ""
            }
        }
        try sink.write(rows + "</tbody></table>\n<script>\(script)</script>\n</body></html>\n")
    }

    private static let severities = ["error", "warning", "info"]

    private static func head(_ data: ReportData, generatedAt: Date) -> String {
        let findingCounts = data.findingCounts
        let statusCounts = data.statusCounts
        let failedProbes = statusCounts.filter { $0.key != "ok" && $0.key != "skipped" }.values.reduce(0, +)
        let stamp = ISO8601DateFormatter().string(from: generatedAt)

        var out = """
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>E-Mail-Konten: Prüfbericht</title>
            <style>\(style)</style></head>
            <body>
            <header><h1>E-Mail-Konten: Prüfbericht</h1>
            <p class="meta">\(e(data.database)) · erstellt \(e(stamp)) · \(data.runs) Läufe</p></header>
            <section class="cards">
            <div class="card"><b>\(data.accountCount)</b><span>Konten</span></div>
            <div class="card error"><b>\(data.accountsWithErrors)</b><span>Konten mit Fehlern</span></div>
            <div class="card error"><b>\(findingCounts["error", default: 0])</b><span>Fehler</span></div>
            <div class="card warning"><b>\(findingCounts["warning", default: 0])</b><span>Warnungen</span></div>
            <div class="card info"><b>\(findingCounts["info", default: 0])</b><span>Hinweise</span></div>
            <div class="card \(failedProbes > 0 ? "error" : "ok")"><b>\(failedProbes)</b><span>Verbindungstests fehlgeschlagen</span></div>
            </section>

            """
        if !statusCounts.isEmpty {
            out += "<p class=\"statuses\">Verbindungstests: "
                + statusCounts.sorted { $0.key < $1.key }.map { "<span class=\"status \(e($0.key))\">\(e($0.key))</span> \($0.value)" }.joined(separator: " · ")
                + "</p>\n"
        }
        out += """
            <section class="filters no-print">
            <label>Schweregrad <select id="severity"><option value="">alle</option>\(severities.map { "<option>\($0)</option>" }.joined())<option value="none">ohne Befund</option></select></label>
            <label>Verbindung <select id="status"><option value="">alle</option>\(statusCounts.keys.sorted().map { "<option>\(e($0))</option>" }.joined())</select></label>
            <label>Suche <input id="search" type="search" placeholder="Adresse, Server, Regel"></label>
            </section>
            <table id="accounts"><thead><tr>
            <th data-sort="text">Konto</th><th data-sort="text">Server</th><th data-sort="number">Befunde</th><th data-sort="text">Verbindungstest</th>
            </tr></thead><tbody>

            """
        return out
    }

    private static func row(_ account: ReportData.Account, into out: inout String) {
        let worst = severities.first { s in account.findings.contains { $0.severity == s } } ?? "none"
        let statuses = Set(account.probes.map(\.status)).sorted().joined(separator: " ")
        out += "<tr data-severity=\"\(worst)\" data-status=\"\(e(statuses))\">"
        out += "<td><b>\(e(account.email.isEmpty ? "(ohne Adresse)" : account.email))</b>"
        if !account.displayName.isEmpty { out += "<br><span class=\"sub\">\(e(account.displayName))</span>" }
        out += "<br><span class=\"sub\">\(e(account.origin))</span></td>"
        out += "<td>\(e(account.incoming))" + (account.outgoing.isEmpty ? "" : "<br>\(e(account.outgoing))") + "</td>"
        out += "<td data-value=\"\(account.findings.count)\">"
        for finding in account.findings {
            out += "<div class=\"finding \(e(finding.severity))\"><span class=\"badge\">\(e(finding.severity))</span> "
            out += "<code>\(e(finding.rule))</code> \(e(finding.message))"
            if !finding.fix.isEmpty { out += "<br><span class=\"fix\">→ \(e(finding.fix))</span>" }
            out += "</div>"
        }
        if account.findings.isEmpty { out += "<span class=\"none\">keine</span>" }
        out += "</td><td>"
        for probe in account.probes {
            out += "<div><span class=\"status \(e(probe.status))\">\(e(probe.status))</span> \(e(probe.service)) \(e(probe.endpoint))"
            if probe.status != "ok", !probe.detail.isEmpty { out += "<br><span class=\"sub\">\(e(probe.detail))</span>" }
            if !probe.tlsVersion.isEmpty { out += "<br><span class=\"sub\">\(e(probe.tlsVersion))" + (probe.certificateExpiry.isEmpty ? "" : ", Zertifikat bis \(e(String(probe.certificateExpiry.prefix(10))))") + "</span>" }
            out += "</div>"
        }
        if account.probes.isEmpty { out += "<span class=\"none\">nicht getestet</span>" }
        out += "</td></tr>\n"
    }

    /// HTML-escaped text.
    static func e(_ text: String) -> String { MarkupText.escaped(text) }

    static let style = """
        body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:24px;color:#1d2530;font-size:14px}
        h1{margin:0 0 4px;font-size:24px}.meta{color:#667;margin:0 0 16px}
        .cards{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:12px}
        .card{border:1px solid #d5dbe3;border-radius:8px;padding:10px 14px;min-width:120px;background:#f7f9fb}
        .card b{display:block;font-size:26px}.card span{color:#556}
        .card.error b{color:#b42318}.card.warning b{color:#b54708}.card.info b{color:#175cd3}.card.ok b{color:#067647}
        .filters{display:flex;gap:16px;margin:12px 0}.filters label{color:#445}
        table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e4e7ec;padding:8px;vertical-align:top;text-align:left}
        th{background:#eef2f6;cursor:pointer;user-select:none;position:sticky;top:0}th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}
        .sub{color:#667;font-size:12px}.none{color:#98a2b3}.fix{color:#445;font-size:12px}
        .finding{margin:2px 0}.badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:11px;color:#fff;background:#98a2b3}
        .finding.error .badge{background:#d92d20}.finding.warning .badge{background:#dc6803}.finding.info .badge{background:#2e90fa}
        .status{display:inline-block;border-radius:4px;padding:0 6px;font-size:11px;background:#fef3f2;color:#b42318;border:1px solid #fecdca}
        .status.ok{background:#ecfdf3;color:#067647;border-color:#abefc6}.status.skipped{background:#f2f4f7;color:#475467;border-color:#d0d5dd}
        code{font-size:12px;background:#f2f4f7;padding:0 3px;border-radius:3px}
        @media print{.no-print{display:none}th{position:static}body{margin:0;font-size:11px}tr{break-inside:avoid}}
        """

    static let script = """
        (function(){
          var rows=[].slice.call(document.querySelectorAll('#accounts tbody tr'));
          var sev=document.getElementById('severity'),st=document.getElementById('status'),q=document.getElementById('search');
          function apply(){rows.forEach(function(r){
            var ok=(!sev.value||r.dataset.severity===sev.value)&&(!st.value||(' '+r.dataset.status+' ').indexOf(' '+st.value+' ')>=0)
              &&(!q.value||r.textContent.toLowerCase().indexOf(q.value.toLowerCase())>=0);
            r.style.display=ok?'':'none';});}
          [sev,st,q].forEach(function(x){x.addEventListener('input',apply);});
          [].slice.call(document.querySelectorAll('#accounts th')).forEach(function(th,i){th.addEventListener('click',function(){
            var asc=!th.classList.contains('asc');[].slice.call(th.parentNode.children).forEach(function(o){o.classList.remove('asc','desc');});
            th.classList.add(asc?'asc':'desc');var num=th.dataset.sort==='number';
            rows.sort(function(a,b){var x=a.children[i],y=b.children[i];
              var u=num?+x.dataset.value:x.textContent.toLowerCase(),v=num?+y.dataset.value:y.textContent.toLowerCase();
              return (u<v?-1:u>v?1:0)*(asc?1:-1);});
            var body=document.querySelector('#accounts tbody');rows.forEach(function(r){body.appendChild(r);});});});
        })();
        """
}
