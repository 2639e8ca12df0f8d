import MailModel

/// An account ready for the store: the UTF-8 of its canonical field texts,
/// one after the other in column order, with its natural key and the hashes
/// the store compares. Making one is the expensive part of storing an account,
/// so it is done on the thread that reads, and only this compact row (two
/// allocations, whatever the field count) crosses to the thread that writes
/// SQLite, which binds its bytes without copying them.
public struct AccountRow: Sendable {
    let bytes: [UInt8]
    /// The end offset in `bytes` of each field, in `CanonicalField.ordered` order.
    let ends: [Int32]
    public let naturalKey: String
    public let source: SourceReference
    /// `source` as text (`file:line …`), made here so that the thread that
    /// writes SQLite does not have to.
    public let sourceText: String
    let keyHash: Int64
    let contentHash: Int64

    public init(account: borrowing MailAccount, source: SourceReference) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024)
        var ends: [Int32] = []
        ends.reserveCapacity(CanonicalField.ordered.count)
        for field in CanonicalField.ordered {
            field.appendText(in: account, to: &bytes)
            ends.append(Int32(bytes.count))
        }
        var content = StableHash()
        content.add(bytes: bytes)
        content.add(bytes: ends)
        naturalKey = NaturalKey(of: account).description
        var key = StableHash()
        key.add(naturalKey)
        keyHash = key.int64
        contentHash = content.int64
        self.bytes = bytes
        self.ends = ends
        self.source = source
        sourceText = source.description
    }

    /// The size of the row's field texts in UTF-8.
    public var byteCount: Int { bytes.count }

    /// The field texts, in column order.
    public var texts: [String] {
        var start = 0
        return ends.map { end in
            defer { start = Int(end) }
            return String(decoding: bytes[start..<Int(end)], as: UTF8.self)
        }
    }

    /// The account back from its texts (the store's columns).
    static func account(from texts: [String]) throws(FieldValueError) -> MailAccount {
        var account = MailAccount()
        for (field, text) in zip(CanonicalField.ordered, texts) {
            try field.assign(text, to: &account)
        }
        return account
    }
}
