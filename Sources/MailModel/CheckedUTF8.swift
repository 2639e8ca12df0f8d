/// A String from bytes a reader has already checked to be UTF-8.
///
/// Every reader checks its input's UTF-8 once (a CSV record at a time, a
/// dump row at a time) and rejects a record that fails. `String(decoding:)`
/// would check each field's bytes a second time; a million-record import
/// makes tens of millions of these texts, and the second check was a third
/// of their cost. Only bytes that passed a reader's check may come here: a
/// debug build (the tests) asserts it.
public enum CheckedUTF8 {
    /// The text of `bytes`, which must be well-formed UTF-8.
    @inline(__always)
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        assert(String(validating: bytes, as: UTF8.self) != nil, "bytes not checked as UTF-8 reached CheckedUTF8")
        return String(copying: UTF8Span(unchecked: Span(_unsafeElements: bytes), isKnownASCII: false))
    }

    /// Whether `text` is exactly `bytes` as UTF-8: bytes, not Unicode
    /// equivalence (`==` on Strings takes "K" and the Kelvin sign as one),
    /// and without making a String of the bytes.
    public static func same(_ bytes: UnsafeBufferPointer<UInt8>, as text: String) -> Bool {
        UTF8Text.equals(bytes, text)
    }
}
