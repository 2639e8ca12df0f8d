/// The character sets a spreadsheet export comes in. Everything is turned
/// into UTF-8 as it is read (`TranscodingByteStream`).
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    /// German Excel's "CSV (Trennzeichen-getrennt)".
    case windows1252 = "windows-1252"
    case latin1 = "iso-8859-1"

    /// Reads the names users type (`UTF8`, `cp1252`, `latin1`, `utf-16`).
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le", "utf-16", "utf16": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "windows-1252", "cp1252", "win-1252", "ansi": self = .windows1252
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1": self = .latin1
        default: return nil
        }
    }

    /// The encoding of a file from its first bytes: a UTF-16 BOM, else UTF-8
    /// when the sample is valid UTF-8 (a UTF-8 BOM included) or when more of
    /// it is UTF-8 than not, else Windows-1252. The second case is a UTF-8
    /// file with a line pasted from a Windows-1252 one: read as UTF-8, that
    /// line is rejected by its number, where reading the whole file as
    /// Windows-1252 would garble every umlaut of every other line ("MÃ¼ller").
    /// A Windows-1252 file holds few UTF-8-shaped pairs (an "ß“" in „Gruß“)
    /// against a stray byte for nearly every umlaut.
    static func detect(_ head: [UInt8], complete: Bool) -> TextEncoding {
        if head.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if head.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        var sample = head[...]
        if !complete {
            var back = 0
            while back < 3, let last = sample.last, last & 0xC0 == 0x80 { sample = sample.dropLast(); back += 1 }
            if let last = sample.last, last >= 0xC0 { sample = sample.dropLast() }
        }
        return Array(sample).withUnsafeBufferPointer { bytes in
            if UTF8Validation.isValid(bytes) { return .utf8 }
            let census = UTF8Validation.census(bytes)
            return census.sequences > census.strays ? .utf8 : .windows1252
        }
    }
}

import Foundation
