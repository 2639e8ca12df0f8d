/// How an account logs in to a server: with a password, with OAuth 2.0
/// (Google, Microsoft 365), or not at all (an open relay, PHP mail()).
public enum AuthenticationMethod: CanonicalWord {
    case none
    case password
    case oauth2
    case unrecognized(String)

    public static let vocabulary: [(word: String, value: AuthenticationMethod)] = [
        ("password", .password), ("oauth2", .oauth2), ("none", .none),
    ]

    public var unrecognizedWord: String? { if case .unrecognized(let raw) = self { raw } else { nil } }
}
