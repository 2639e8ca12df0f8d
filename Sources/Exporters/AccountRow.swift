import MailModel

/// An account ready for the store: the UTF-8 of its canonical field texts,
/// one after the other in column order, then its natural key and its source
/// position, with the hashes the store compares. Making one is the expensive
/// part of storing an account, so it is done on a normalising thread, and
/// only this compact row crosses to the thread that writes SQLite, which
/// binds its bytes without copying them.
///
/// The rows of one batch share two buffers (see `AccountRowBatch`): the
/// thread that writes SQLite frees a batch's rows with one free of each
/// buffer, not two per row. glibc frees memory under the lock of the arena
/// that allocated it, and with two frees per row the writing thread waited
/// on the normalisers' locks 1,300 times at 1M accounts, a core idle each time.
public struct AccountRow: Sendable {
    /// The field texts, then the natural key, then the source position.
    let bytes: ArraySlice<UInt8>
    /// End offsets from the row's first byte: one per field in
    /// `CanonicalField.ordered` order, then the key's, then the source position's.
    let ends: ArraySlice<Int32>
    let keyHash: Int64
    let contentHash: Int64

    static let fieldCount = CanonicalField.ordered.count
    /// Entries of `ends` per row.
    static let endCount = fieldCount + 2

    init(bytes: ArraySlice<UInt8>, ends: ArraySlice<Int32>, keyHash: Int64, contentHash: Int64) {
        self.bytes = bytes
        self.ends = ends
        self.keyHash = keyHash
        self.contentHash = contentHash
    }

    /// A row of its own (a batch of one).
    public init(account: borrowing MailAccount, source: SourceReference) {
        var batch = AccountRowBatch()
        batch.append(account: account, source: source)
        self = batch.finish()[0]
    }

    private func end(_ index: Int) -> Int { Int(ends[ends.startIndex + index]) }

    /// Where the natural key and the source position are, from the row's first byte.
    var keyRange: Range<Int> { end(Self.fieldCount - 1)..<end(Self.fieldCount) }
    var sourceRange: Range<Int> { end(Self.fieldCount)..<end(Self.fieldCount + 1) }

    private func text(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The natural key (`NaturalKey.description`).
    public var naturalKey: String { text(keyRange) }

    /// The source position as text (`SourceReference.description`).
    public var sourceText: String { text(sourceRange) }

    /// The fields whose text is empty.
    var emptyFields: FieldSet {
        ends.withUnsafeBufferPointer { ends in
            var empty: UInt64 = 0
            var start: Int32 = 0
            for index in 0..<Self.fieldCount {
                if ends[index] == start { empty |= 1 << UInt64(index) }
                start = ends[index]
            }
            return FieldSet(rawValue: empty)
        }
    }

    /// The size of the row's field texts in UTF-8.
    public var byteCount: Int { end(Self.fieldCount - 1) }

    /// The field texts, in column order.
    public var texts: [String] {
        var start = 0
        return (0..<Self.fieldCount).map { index in
            defer { start = end(index) }
            return text(start..<end(index))
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
