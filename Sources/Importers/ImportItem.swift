import MailModel

/// What an importer hands on for each record: an account with the position it
/// was read from, or a record that could not become an account.
public enum ImportItem: Sendable {
    case account(MailAccount, SourceReference)
    case reject(Reject)
    /// A record left out on purpose (a row deleted in its system), counted
    /// but not imported; the reason says how to import it anyway.
    case skipped(SourceReference, reason: String)
}

/// A record that could not be read, with where it was and why. Every record
/// read ends as an account or as one of these, so nothing is lost silently.
public struct Reject: Sendable, Hashable, CustomStringConvertible {
    public var source: SourceReference
    public var reason: String

    public init(source: SourceReference, reason: String) {
        self.source = source
        self.reason = reason
    }

    public var description: String { "\(source): \(reason)" }
}
