/// The identity of an account across runs: the same mailbox on the same
/// server with the same login is the same account, whatever else changed.
/// The SQLite store upserts by it, so a nightly re-run updates accounts
/// instead of duplicating them.
///
/// It is the lower-cased mailbox address, incoming host and incoming user
/// name. Accounts without incoming settings (send-only) are keyed by address
/// and SMTP host and user instead.
public struct NaturalKey: Sendable, Hashable, CustomStringConvertible {
    public let address: String
    public let host: String
    public let user: String

    public init(of account: MailAccount) {
        address = account.identity.email.foldedForComparison()
        let incoming = account.incoming
        if incoming.host.isEmpty && incoming.userName.isEmpty {
            host = account.outgoing.host.foldedForComparison()
            user = account.outgoing.userName.foldedForComparison()
        } else {
            host = incoming.host.foldedForComparison()
            user = incoming.userName.foldedForComparison()
        }
    }

    /// One string with unit separators (U+001F), which no field holds.
    public var description: String { "\(address)\u{1F}\(host)\u{1F}\(user)" }
}
