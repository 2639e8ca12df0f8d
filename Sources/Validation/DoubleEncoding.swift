import MailModel

/// Text that went through one decoding too many: UTF-8 read as Windows-1252
/// (or MySQL's latin1) and stored again as UTF-8, so that "Müller" shows as
/// "MÃ¼ller" and "–" as "â€“". It is what a latin1 column that held UTF-8
/// looks like after a dump with a UTF-8 connection, and what a spreadsheet
/// saved as UTF-8 looks like after it was opened as Windows-1252 and saved
/// again.
enum DoubleEncoding {
    /// The text as it was meant, when `text` is double-encoded (decoded again
    /// while the result still is, up to three layers); nil when it is not.
    /// Double-encoded means: it has characters beyond ASCII, each of them has
    /// a Windows-1252 byte, and those bytes are UTF-8. Ordinary German text
    /// is never that: an umlaut's byte (0xFC for ü) followed by a letter is no
    /// UTF-8.
    static func repaired(_ text: String) -> String? {
        guard var current = decodedOnce(text) else { return nil }
        for _ in 0..<2 {
            guard let again = decodedOnce(current) else { break }
            current = again
        }
        return current
    }

    /// The Windows-1252 bytes of `text` read as UTF-8, or nil.
    private static func decodedOnce(_ text: String) -> String? {
        guard mayBeDoubleEncoded(text) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let byte = Windows1252.byte(for: scalar) else { return nil }
            bytes.append(byte)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// A first look without allocating, for the texts of every account: each
    /// character has a Windows-1252 byte, the bytes have the shape of UTF-8
    /// (lead bytes followed by as many continuation bytes as they announce),
    /// and at least one is beyond ASCII. Skips ASCII eight bytes at a time and
    /// decodes only characters beyond it; stops at the first byte that breaks
    /// the shape, which in ordinary text is its first umlaut.
    private static func mayBeDoubleEncoded(_ text: String) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ mayBeDoubleEncoded(utf8: $0) }) { return answer }
        var copy = text
        return copy.withUTF8 { mayBeDoubleEncoded(utf8: $0) }
    }

    private static func mayBeDoubleEncoded(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(utf8.baseAddress) else { return false }
        let count = utf8.count
        var expectedContinuations = 0
        var beyondASCII = false
        var index = 0
        while index < count {
            if expectedContinuations == 0 {
                while index + 8 <= count && base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                guard index < count else { break }
            }
            let lead = utf8[index]
            index += 1
            if lead < 0x80 {
                if expectedContinuations > 0 { return false }
                continue
            }
            // The text's own UTF-8 is valid: the character's length follows from its lead byte.
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard index + length - 1 <= count else { return false }
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 0..<(length - 1) { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
            index += length - 1
            guard let scalar = Unicode.Scalar(value), let byte = Windows1252.byte(for: scalar) else { return false }
            beyondASCII = true
            if expectedContinuations > 0 {
                guard byte & 0xC0 == 0x80 else { return false }
                expectedContinuations -= 1
                continue
            }
            switch byte {
            case 0xC2...0xDF: expectedContinuations = 1
            case 0xE0...0xEF: expectedContinuations = 2
            case 0xF0...0xF4: expectedContinuations = 3
            default: return false
            }
        }
        return beyondASCII && expectedContinuations == 0
    }

    /// What a finding quotes of a double-encoded `text` and of its reading
    /// `meant`: a short text (up to 80 characters) whole; of a long one the
    /// word where the damage starts, and its reading when the word has one
    /// (a word cut at its 40th character may end inside a sequence).
    static func quoted(_ text: String, meant: String) -> (damaged: String, meant: String?) {
        if text.unicodeScalars.count <= 80 { return (text, meant) }
        let word = String(firstDamagedWord(in: text))
        return (word, repaired(word))
    }

    /// The word of `text` that holds its first character beyond ASCII, from
    /// the white space before it (at most 20 characters back) to the white
    /// space after it, at most 40 characters in all: what a finding quotes
    /// of a long signature.
    static func firstDamagedWord(in text: String) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isASCII }) else { return text[...] }
        var start = first
        var length = 0
        while start > scalars.startIndex && length < 20 {
            let before = scalars.index(before: start)
            if isSpace(scalars[before]) { break }
            start = before
            length += 1
        }
        var end = first
        while end < scalars.endIndex && !isSpace(scalars[end]) && length < 40 {
            end = scalars.index(after: end)
            length += 1
        }
        return text[start..<end]
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }
}
