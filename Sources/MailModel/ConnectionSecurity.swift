/// How a connection to a mail server is protected.
///
/// `tls` is implicit TLS from the first byte (IMAPS 993, POP3S 995, SMTPS 465);
/// `starttls` upgrades a plain connection (143, 110, 587). A word the source
/// used that means none of these is kept as `unrecognized`, so that nothing is
/// guessed and validation can report it.
public enum ConnectionSecurity: Sendable, Hashable {
    case none
    case starttls
    case tls
    case unrecognized(String)

    /// The canonical word: `none`, `starttls`, `tls`, or the raw value.
    public var canonicalName: String {
        switch self {
        case .none: "none"
        case .starttls: "starttls"
        case .tls: "tls"
        case .unrecognized(let raw): raw
        }
    }

    /// Reads a canonical word (case-insensitive); anything else is kept raw.
    public init(canonicalName: String) {
        switch canonicalName.foldedForComparison() {
        case "none": self = .none
        case "starttls": self = .starttls
        case "tls": self = .tls
        default: self = .unrecognized(canonicalName)
        }
    }
}
