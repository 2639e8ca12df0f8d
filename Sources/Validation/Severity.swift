/// How bad a finding is. `error`: mail will not work or data will be lost;
/// `warning`: it works but is unsafe or likely wrong; `info`: worth knowing.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
