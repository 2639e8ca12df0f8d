import MailModel

/// An account ready for the store: the UTF-8 of its canonical field texts,
/// one after the other in column order, then its natural key and its source
/// position, with the hashes the store compares. Making one is the expensive
/// part of storing an account, so it is done on a normalising thread, and
/// only this compact row (two allocations, whatever the field count) crosses
/// to the thread that writes SQLite, which binds its bytes without copying them.
public struct AccountRow: Sendable {
    /// The field texts, then the natural key, then the source position.
    let bytes: [UInt8]
    /// End offsets in `bytes`: one per field in `CanonicalField.ordered`
    /// order, then the key's, then the source position's.
    let ends: [Int32]
    let keyHash: Int64
    let contentHash: Int64

    static let fieldCount = CanonicalField.ordered.count

    public init(account: borrowing MailAccount, source: SourceReference) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024)
        var ends: [Int32] = []
        ends.reserveCapacity(Self.fieldCount + 2)
        for field in CanonicalField.ordered {
            field.appendText(in: account, to: &bytes)
            ends.append(Int32(bytes.count))
        }
        // The hashes are stored: their input must stay exactly this (the
        // field texts and their ends; the key's UTF-8).
        var content = StableHash()
        content.add(bytes: bytes)
        content.add(bytes: ends)
        contentHash = content.int64
        let keyStart = bytes.count
        NaturalKey.append(of: account, to: &bytes)
        var key = StableHash()
        bytes.withUnsafeBufferPointer { key.add(bytes: UnsafeBufferPointer(rebasing: $0[keyStart...])) }
        keyHash = key.int64
        ends.append(Int32(bytes.count))
        source.appendText(to: &bytes)
        ends.append(Int32(bytes.count))
        self.bytes = bytes
        self.ends = ends
    }

    /// Where the natural key and the source position are in `bytes`.
    var keyRange: Range<Int> { Int(ends[Self.fieldCount - 1])..<Int(ends[Self.fieldCount]) }
    var sourceRange: Range<Int> { Int(ends[Self.fieldCount])..<Int(ends[Self.fieldCount + 1]) }

    /// The natural key (`NaturalKey.description`).
    public var naturalKey: String { String(decoding: bytes[keyRange], as: UTF8.self) }

    /// The source position as text (`SourceReference.description`).
    public var sourceText: String { String(decoding: bytes[sourceRange], as: UTF8.self) }

    /// The size of the row's field texts in UTF-8.
    public var byteCount: Int { Int(ends[Self.fieldCount - 1]) }

    /// The field texts, in column order.
    public var texts: [String] {
        var start = 0
        return ends[..<Self.fieldCount].map { end in
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
