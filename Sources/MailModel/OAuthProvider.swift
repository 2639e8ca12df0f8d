/// The identity provider an OAuth 2.0 login goes through. The seed systems
/// know Google (Xentral "Google OAuth") and Microsoft 365 (CRM "IMAP (Office 365)").
public enum OAuthProvider: Sendable, Hashable {
    case google
    case microsoft
    case unrecognized(String)

    public var canonicalName: String {
        switch self {
        case .google: "google"
        case .microsoft: "microsoft"
        case .unrecognized(let raw): raw
        }
    }

    public init(canonicalName: String) {
        switch canonicalName.foldedForComparison() {
        case "google": self = .google
        case "microsoft": self = .microsoft
        default: self = .unrecognized(canonicalName)
        }
    }
}
