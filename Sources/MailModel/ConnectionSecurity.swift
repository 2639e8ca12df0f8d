/// How a connection to a mail server is protected.
///
/// `tls` is implicit TLS from the first byte (IMAPS 993, POP3S 995, SMTPS 465);
/// `starttls` upgrades a plain connection (143, 110, 587).
public enum ConnectionSecurity: CanonicalWord {
    case none
    case starttls
    case tls
    case unrecognized(String)

    public static let vocabulary: [(word: String, value: ConnectionSecurity)] = [
        ("none", .none), ("starttls", .starttls), ("tls", .tls),
    ]

    public var unrecognizedWord: String? { if case .unrecognized(let raw) = self { raw } else { nil } }
}
