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
        let byIncoming = !(account.incoming.host.isEmpty && account.incoming.userName.isEmpty)
        let email = account.identity.email
        let host = byIncoming ? account.incoming.host : account.outgoing.host
        let user = byIncoming ? account.incoming.userName : account.outgoing.userName
        var bytes: [UInt8] = []
        bytes.reserveCapacity(email.utf8.count + host.utf8.count + user.utf8.count + 2)
        Self.fold(email, into: &bytes)
        bytes.append(0x1F)
        Self.fold(host, into: &bytes)
        bytes.append(0x1F)
        Self.fold(user, into: &bytes)
        description = String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `part` lower-cased: ASCII byte by byte, anything else by
    /// Unicode's lower-casing (only parts that need it pay for it).
    private static func fold(_ part: String, into bytes: inout [UInt8]) {
        var part = part
        let ascii = part.withUTF8 { utf8 in
            for byte in utf8 where byte >= 0x80 { return false }
            for byte in utf8 { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
            return true
        }
        if !ascii { bytes.append(contentsOf: part.lowercased().utf8) }
    }
}
