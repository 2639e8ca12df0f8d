/// The protocol an account fetches mail with.
public enum IncomingProtocol: CanonicalWord {
    case imap
    case pop3
    case unrecognized(String)

    public static let vocabulary: [(word: String, value: IncomingProtocol)] = [("imap", .imap), ("pop3", .pop3)]

    public var unrecognizedWord: String? { if case .unrecognized(let raw) = self { raw } else { nil } }
}
