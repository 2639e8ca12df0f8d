/// Which incoming mail is imported at all: sender patterns such as
/// `*@channel.example.com` (the MAT marketplace's inquiry import).
public struct ImportFilter: Sendable, Hashable {
    public var senderPatterns: [String] = []

    public init() {}
}
