/// The identity of an account across runs: the same mailbox on the same
/// server with the same login is the same account, whatever else changed.
/// The SQLite store upserts by it, so a nightly re-run updates accounts
/// instead of duplicating them.
///
/// It is the lower-cased mailbox address, incoming host and incoming user
/// name. Accounts without incoming settings (send-only) are keyed by address
/// and SMTP host and user instead.
public struct NaturalKey: Sendable, Hashable, CustomStringConvertible {
    /// The key as one string: the three parts, lower-cased, separated by
    /// U+001F (unit separator), which no field holds.
    public let description: String

    public init(of account: MailAccount) {
        let incoming = account.incoming
        let (host, user) =
            incoming.host.isEmpty && incoming.userName.isEmpty
            ? (account.outgoing.host, account.outgoing.userName)
            : (incoming.host, incoming.userName)
        let parts = [account.identity.email, host, user]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(2) { $0 + $1.utf8.count })
        var ascii = true
        for (index, part) in parts.enumerated() {
            if index > 0 { bytes.append(0x1F) }
            let done: Void? = part.utf8.withContiguousStorageIfAvailable { utf8 in
                for byte in utf8 {
                    if byte >= 0x80 { ascii = false }
                    bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                }
            }
            if done == nil { ascii = false }
        }
        // ASCII was folded byte by byte; anything else takes Unicode's lower-casing.
        description =
            ascii
            ? String(decoding: bytes, as: UTF8.self)
            : parts.map { $0.lowercased() }.joined(separator: "\u{1F}")
    }
}
