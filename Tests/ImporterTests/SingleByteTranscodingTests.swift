import Foundation
import Testing

@testable import Importers

/// Latin-1 and Windows-1252 spreadsheets become UTF-8 byte for byte as
/// Foundation reads them, wherever a character falls in the eight-byte runs
/// the transcoder copies at once.
@Suite struct SingleByteTranscodingTests {
    /// Windows-1252 leaves these undefined: they become 0xFF, which the UTF-8
    /// check reports as bytes that are not valid windows-1252.
    static let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    func transcoded(_ bytes: [UInt8], windows1252: Bool) -> [UInt8] {
        bytes.withUnsafeBytes { TranscodingByteStream.utf8(fromSingleByte: $0, windows1252: windows1252) }
    }

    func expected(_ bytes: [UInt8], windows1252: Bool) -> [UInt8] {
        var out: [UInt8] = []
        for byte in bytes {
            if windows1252 && Self.undefined.contains(byte) {
                out.append(0xFF)
                continue
            }
            let text = String(data: Data([byte]), encoding: windows1252 ? .windowsCP1252 : .isoLatin1)!
            out += Array(text.utf8)
        }
        return out
    }

    @Test(arguments: [false, true])
    func everyByteAtEveryPlaceInARun(windows1252: Bool) {
        for byte in UInt8.min...UInt8.max {
            for offset in 0..<17 {
                let input = Array(repeating: UInt8(ascii: "a"), count: offset) + [byte] + Array("bcdefghijk".utf8)
                #expect(transcoded(input, windows1252: windows1252) == expected(input, windows1252: windows1252),
                        "byte \(byte) at \(offset)")
            }
        }
    }

    @Test func examples() {
        // "Grüße €5" in Windows-1252.
        let input: [UInt8] = [0x47, 0x72, 0xFC, 0xDF, 0x65, 0x20, 0x80, 0x35]
        #expect(String(decoding: transcoded(input, windows1252: true), as: UTF8.self) == "Grüße €5")
        #expect(transcoded(input, windows1252: false).suffix(3) == [0xC2, 0x80, 0x35])  // Latin-1: U+0080
        #expect(transcoded([0x61, 0x81], windows1252: true) == [0x61, 0xFF])
        #expect(transcoded([], windows1252: true) == [])
    }
}
