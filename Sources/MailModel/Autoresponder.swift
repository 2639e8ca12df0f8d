/// The automatic answer to incoming mail. Subject and text may hold the
/// placeholders {TICKET} and {BETREFF}.
public struct Autoresponder: Sendable, Hashable {
    public var enabled = false
    /// Answer each sender at most once a day.
    public var oncePerDay = false
    public var subject: String = ""
    /// The answer's body, HTML.
    public var text: String = ""

    public init() {}
}
