/// How an account sends mail: through an SMTP server, or through the host
/// system's `mail()` (OpenXE's "PHP mail() statt SMTP" default account).
public enum SendingMethod: Sendable, Hashable {
    case smtp
    case systemMail
    case unrecognized(String)

    public var canonicalName: String {
        switch self {
        case .smtp: "smtp"
        case .systemMail: "system-mail"
        case .unrecognized(let raw): raw
        }
    }

    public init(canonicalName: String) {
        switch canonicalName.foldedForComparison() {
        case "smtp": self = .smtp
        case "system-mail": self = .systemMail
        default: self = .unrecognized(canonicalName)
        }
    }
}
