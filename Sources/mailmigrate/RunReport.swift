import Exporters
import Foundation
import Validation

/// The summary of a run, as text for people or JSON for scripts.
struct RunReport {
    let summary: RunSummary
    let database: String
    let seconds: Double
    let rejects: [(source: String, reason: String)]
    let rejectsKept: Int
    let skipped: [String]
    /// Findings stored by severity; nil when the run did not validate.
    let findings: [Severity: Int]?

    /// Without `brief`: all counts. With it: only the rejected records.
    func text(brief: Bool) -> String {
        var out = ""
        if !brief {
            let s = summary
            out += "mailmigrate: run \(s.runID) into \(database)\n"
            out += "  records read       \(s.recordsRead)\n"
            out += "  accounts imported  \(s.accountsImported)"
            out += " (\(s.accountsNew) new, \(s.accountsUpdated) updated, \(s.accountsUnchanged) unchanged)\n"
            out += "  rejected           \(s.rejected)\n"
            if s.skipped > 0 {
                out += "  skipped            \(s.skipped) (deleted in their system; --include-deleted imports them)\n"
            }
            if let f = findings {
                out += "  findings           \(f[.error, default: 0]) errors, \(f[.warning, default: 0]) warnings, "
                    + "\(f[.info, default: 0]) info (mailmigrate validate --db \(database))\n"
            }
            out += "  time               \(String(format: "%.2f", seconds)) s\n"
            for path in skipped { out += "  skipped (not a supported format): \(path)\n" }
        }
        if !rejects.isEmpty {
            out += "rejected records:\n"
            for reject in rejects {
                out += "  \(TerminalText.visible(reject.source)): \(TerminalText.visible(reject.reason))\n"
            }
            if summary.rejected > rejects.count {
                out += "  … and \(summary.rejected - rejects.count) more (table `rejects` of run \(summary.runID))\n"
            }
        }
        return out
    }

    func json() -> String {
        var object: [String: Any] = [
            "run": summary.runID,
            "database": database,
            "records_read": summary.recordsRead,
            "accounts_new": summary.accountsNew,
            "accounts_updated": summary.accountsUpdated,
            "accounts_unchanged": summary.accountsUnchanged,
            "rejected": summary.rejected,
            "skipped_records": summary.skipped,
            "seconds": (seconds * 1000).rounded() / 1000,
            "rejects": rejects.map { ["source": $0.source, "reason": $0.reason] },
            "skipped": skipped,
        ]
        if summary.rejected > rejects.count { object["rejects_truncated"] = true }
        if let f = findings {
            object["findings"] = ["error": f[.error, default: 0], "warning": f[.warning, default: 0], "info": f[.info, default: 0]]
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
