/// How an account logs in to a server: with a password, with OAuth 2.0
/// (Google, Microsoft 365), or not at all (an open relay, PHP mail()).
public enum AuthenticationMethod: Sendable, Hashable {
    case none
    case password
    case oauth2
    case unrecognized(String)

    public var canonicalName: String {
        switch self {
        case .none: "none"
        case .password: "password"
        case .oauth2: "oauth2"
        case .unrecognized(let raw): raw
        }
    }

    public init(canonicalName: String) {
        switch canonicalName.foldedForComparison() {
        case "none": self = .none
        case "password": self = .password
        case "oauth2": self = .oauth2
        default: self = .unrecognized(canonicalName)
        }
    }
}
