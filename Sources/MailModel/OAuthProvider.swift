/// The identity provider an OAuth 2.0 login goes through. The seed systems
/// know Google (Xentral "Google OAuth") and Microsoft 365 (CRM "IMAP (Office 365)").
public enum OAuthProvider: CanonicalWord {
    case google
    case microsoft
    case unrecognized(String)

    public static let vocabulary: [(word: String, value: OAuthProvider)] = [
        ("google", .google), ("microsoft", .microsoft),
    ]

    public var unrecognizedWord: String? { if case .unrecognized(let raw) = self { raw } else { nil } }
}
