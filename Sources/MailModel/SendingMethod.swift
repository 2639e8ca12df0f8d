/// How an account sends mail: through an SMTP server, or through the host
/// system's `mail()` (OpenXE's "PHP mail() statt SMTP" default account).
public enum SendingMethod: CanonicalWord {
    case smtp
    case systemMail
    case unrecognized(String)

    public static let vocabulary: [(word: String, value: SendingMethod)] = [
        ("smtp", .smtp), ("system-mail", .systemMail),
    ]

    public var unrecognizedWord: String? { if case .unrecognized(let raw) = self { raw } else { nil } }
}
