/// How long archived mail is kept: "E-Mails löschen nach N Tagen", where 0
/// means never. A value that is not a whole number is kept as the source wrote
/// it, for validation to report (`archive-days-invalid`).
public enum ArchiveRetention: Sendable, Hashable {
    case days(Int)
    case unrecognized(String)

    public var canonicalName: String {
        switch self {
        case .days(let n): String(n)
        case .unrecognized(let raw): raw
        }
    }

    public init(canonicalName: String) {
        if let n = Int(canonicalName) { self = .days(n) } else { self = .unrecognized(canonicalName) }
    }
}
