/// The identity of an account across runs: the same mailbox on the same
/// server with the same login is the same account, whatever else changed.
/// The SQLite store upserts by it, so a nightly re-run updates accounts
/// instead of duplicating them.
///
/// It is the lower-cased mailbox address, incoming host and incoming user
/// name. Accounts without incoming settings (send-only) are keyed by address
/// and SMTP host and user instead. The address's domain and the host are
/// taken in their ASCII form (`müller.de` as `xn--mller-kva.de`): one system
/// stores a domain as typed, another as DNS has it, and both name the same
/// mailbox on the same server. The user name is kept as it is: a server may
/// tell logins apart that differ only in their spelling of a domain.
public struct NaturalKey: Sendable, Hashable, CustomStringConvertible {
    /// The key as one string: the three parts, lower-cased, separated by
    /// U+001F (unit separator), which no field holds.
    public let description: String

    public init(of account: borrowing MailAccount) {
        var bytes: [UInt8] = []
        Self.append(of: account, to: &bytes)
        description = String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the key of `account` as UTF-8 (what `description` holds),
    /// for a caller that keeps it with other bytes.
    public static func append(of account: borrowing MailAccount, to bytes: inout [UInt8]) {
        let byIncoming = !(account.incoming.host.isEmpty && account.incoming.userName.isEmpty)
        let email = account.identity.email
        let host = byIncoming ? account.incoming.host : account.outgoing.host
        let user = byIncoming ? account.incoming.userName : account.outgoing.userName
        bytes.reserveCapacity(bytes.count + email.utf8.count + host.utf8.count + user.utf8.count + 2)
        let emailStart = bytes.count
        fold(email, into: &bytes)
        asciiDomain(ofAddressIn: &bytes, from: emailStart)
        bytes.append(0x1F)
        let hostStart = bytes.count
        fold(host, into: &bytes)
        asciiHost(in: &bytes, from: hostStart)
        bytes.append(0x1F)
        fold(user, into: &bytes)
    }

    /// A key as an older store kept it (before domains were taken in ASCII)
    /// as this version makes it: the store upgrades its keys with this.
    public static func upgraded(_ key: String) -> String {
        let parts = key.utf8.split(separator: 0x1F, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return key }
        var bytes = Array(parts[0])
        asciiDomain(ofAddressIn: &bytes, from: 0)
        bytes.append(0x1F)
        let hostStart = bytes.count
        bytes.append(contentsOf: parts[1])
        asciiHost(in: &bytes, from: hostStart)
        bytes.append(0x1F)
        bytes.append(contentsOf: parts[2])
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Replaces the address from `start` to the end of `bytes` by its form
    /// with the domain in ASCII (`InternationalDomainName.withASCIIDomain`),
    /// where the domain has bytes beyond ASCII: most have none, and are
    /// left without making a String.
    private static func asciiDomain(ofAddressIn bytes: inout [UInt8], from start: Int) {
        guard let at = bytes[start...].lastIndex(of: UInt8(ascii: "@")),
            bytes[(at + 1)...].contains(where: { $0 >= 0x80 })
        else { return }
        let address = InternationalDomainName.withASCIIDomain(address: String(decoding: bytes[start...], as: UTF8.self))
        bytes.replaceSubrange(start..., with: address.utf8)
    }

    /// Replaces the host name from `start` to the end of `bytes` by its ASCII
    /// form, where it has letters beyond ASCII and has one.
    private static func asciiHost(in bytes: inout [UInt8], from start: Int) {
        guard bytes[start...].contains(where: { $0 >= 0x80 }),
            let ascii = InternationalDomainName.asciiForm(of: String(decoding: bytes[start...], as: UTF8.self))
        else { return }
        bytes.replaceSubrange(start..., with: ascii.utf8)
    }

    /// Appends `part` lower-cased: ASCII and Latin-1 letters (German and
    /// other Western European names) byte by byte, anything else by Unicode's
    /// lower-casing; the result is the same as `lowercased()`.
    private static func fold(_ part: String, into bytes: inout [UInt8]) {
        var part = part
        let folded = part.withUTF8 { utf8 in
            guard isLatin1(utf8) else { return false }
            // Copied whole, then folded in place: the same length, since every
            // character up to U+00FF lower-cases to one of the same UTF-8 length.
            let start = bytes.count
            bytes.append(contentsOf: utf8)
            bytes.withUnsafeMutableBufferPointer { all in
                var index = start
                while index < all.count {
                    let byte = all[index]
                    if byte < 0x80 {
                        if byte >= 0x41 && byte <= 0x5A { all[index] = byte | 0x20 }
                        index += 1
                        continue
                    }
                    // A two-byte sequence: U+0080...U+00FF. À...Þ (C3 80...C3 9E, but
                    // for × at C3 97) lower-case to à...þ, 0x20 further on.
                    let next = all[index + 1]
                    if byte == 0xC3 && next <= 0x9E && next != 0x97 { all[index + 1] = next | 0x20 }
                    index += 2
                }
            }
            return true
        }
        if !folded { bytes.append(contentsOf: part.lowercased().utf8) }
    }

    /// Whether `utf8` holds only characters up to U+00FF.
    private static func isLatin1(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x80 {
                index += 1
            } else if (byte == 0xC2 || byte == 0xC3), index + 1 < utf8.count, utf8[index + 1] & 0xC0 == 0x80 {
                index += 2
            } else {
                return false
            }
        }
        return true
    }
}
