import Validation

/// How many findings of each severity one account got: counted where the
/// findings are made and carried with the account's row, so the store thread
/// adds three numbers instead of walking the findings.
struct SeverityTally: Sendable {
    private var info: Int32 = 0
    private var warning: Int32 = 0
    private var error: Int32 = 0

    mutating func count(_ severity: Severity) {
        switch severity {
        case .info: info += 1
        case .warning: warning += 1
        case .error: error += 1
        }
    }

    /// Adds the counts to `totals` (severities without findings stay out).
    func add(to totals: inout [Severity: Int]) {
        if info > 0 { totals[.info, default: 0] += Int(info) }
        if warning > 0 { totals[.warning, default: 0] += Int(warning) }
        if error > 0 { totals[.error, default: 0] += Int(error) }
    }
}
