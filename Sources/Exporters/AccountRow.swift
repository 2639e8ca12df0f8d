import MailModel

/// An account ready for the store: its canonical field texts in column order,
/// its natural key and the hashes the store compares. Making one is the
/// expensive part of storing an account, so it is done where the account is
/// read, and only the finished row crosses to the thread that writes SQLite.
public struct AccountRow: Sendable {
    public let texts: [String]
    public let naturalKey: String
    public let source: SourceReference
    let keyHash: Int64
    let contentHash: Int64

    public init(account: MailAccount, source: SourceReference) {
        var texts: [String] = []
        texts.reserveCapacity(CanonicalField.allCases.count)
        var content = StableHash()
        for field in CanonicalField.allCases {
            let text = field.text(in: account)
            content.add(text)
            texts.append(text)
        }
        self.texts = texts
        naturalKey = NaturalKey(of: account).description
        var key = StableHash()
        key.add(naturalKey)
        keyHash = key.int64
        contentHash = content.int64
        self.source = source
    }

    /// The account back from its texts (the store's columns).
    static func account(from texts: [String]) throws(FieldValueError) -> MailAccount {
        var account = MailAccount()
        for (field, text) in zip(CanonicalField.allCases, texts) {
            try field.assign(text, to: &account)
        }
        return account
    }
}
