import MailModel

/// The character set a dump's strings are in (its `SET NAMES`), as far as
/// reading them needs: UTF-8, or MySQL's `latin1`, which is Windows-1252
/// (`mysqldump --default-character-set=latin1`). In a latin1 dump a value
/// that is valid UTF-8 is taken as UTF-8: old PHP applications kept UTF-8
/// in latin1 columns, and such a value is what their users saw.
enum DumpCharacterSet: Sendable, Equatable {
    case utf8
    case latin1

    init(named name: String?) {
        self = name == "latin1" || name == "cp1252" ? .latin1 : .utf8
    }

    /// The text of a value's bytes; nil when they are not UTF-8 in a UTF-8
    /// dump (every byte is a character in latin1).
    func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if UTF8Validation.isValid(bytes) { return String(decoding: bytes, as: UTF8.self) }
        guard self == .latin1 else { return nil }
        // MySQL's latin1 is Windows-1252 with its five undefined bytes as the
        // C1 controls of ISO-8859-1. Only rows that are not UTF-8 come here.
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let mapped = (0x80...0x9F).contains(byte) ? Windows1252.high[Int(byte - 0x80)] : 0
            scalars.append(Unicode.Scalar(mapped != 0 ? mapped : UInt32(byte)) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
