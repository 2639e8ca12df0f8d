/// An enumeration whose values are written as fixed words (`tls`, `imap`,
/// `oauth2`), with room for a word the source used that means none of them:
/// that one is kept as `unrecognized`, never guessed, so validation can
/// report it and a writer can give it back unchanged.
public protocol CanonicalWord: Sendable, Hashable {
    /// The defined values with their canonical words.
    static var vocabulary: [(word: String, value: Self)] { get }
    /// The value for a word that is none of the vocabulary.
    static func unrecognized(_ raw: String) -> Self
    /// The raw word, when this is an unrecognized value.
    var unrecognizedWord: String? { get }
}

extension CanonicalWord {
    /// The canonical word, or the raw word the source used.
    public var canonicalName: String {
        if let raw = unrecognizedWord { return raw }
        for entry in Self.vocabulary where entry.value == self { return entry.word }
        preconditionFailure("\(Self.self) value without a word")
    }

    /// Reads a word, ignoring case; anything else is kept as `unrecognized`.
    public init(canonicalName: String) {
        for entry in Self.vocabulary where entry.word == canonicalName {
            self = entry.value
            return
        }
        let folded = canonicalName.foldedForComparison()
        for entry in Self.vocabulary where entry.word == folded {
            self = entry.value
            return
        }
        self = Self.unrecognized(canonicalName)
    }

    /// Reads a word given as UTF-8; an exact match needs no String at all.
    public init(utf8: UnsafeBufferPointer<UInt8>) {
        let vocabulary = Self.vocabulary
        for index in vocabulary.indices where UTF8Text.equals(utf8, vocabulary[index].word) {
            self = vocabulary[index].value
            return
        }
        self.init(canonicalName: String(decoding: utf8, as: UTF8.self))
    }
}
