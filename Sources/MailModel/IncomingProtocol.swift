/// The protocol an account fetches mail with.
public enum IncomingProtocol: Sendable, Hashable {
    case imap
    case pop3
    case unrecognized(String)

    public var canonicalName: String {
        switch self {
        case .imap: "imap"
        case .pop3: "pop3"
        case .unrecognized(let raw): raw
        }
    }

    public init(canonicalName: String) {
        switch canonicalName.foldedForComparison() {
        case "imap": self = .imap
        case "pop3": self = .pop3
        default: self = .unrecognized(canonicalName)
        }
    }
}
