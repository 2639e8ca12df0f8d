import TestSupport
import Foundation
import Importers
import Testing

@Suite struct GzipByteStreamTests {
    func readAll(_ stream: ByteStream, chunk: Int = 4096) throws(InputError) -> [UInt8] {
        var out: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let n = try stream.read(into: buffer)
            if n == 0 { return out }
            out += buffer[0..<n]
        }
    }

    let text = (1...2000).map { "zeile \($0);Grüße;\($0 * 7)\n" }.joined()

    @Test func gzipIsDetectedByMagicBytesNotByName() throws {
        let dir = TemporaryDirectory()
        let gz = try dir.gzipFile("accounts.csv", text)  // no .gz ending
        #expect(try readAll(InputOpener.open(gz)) == Array(text.utf8))
        let plain = dir.file("plain.csv.gz", text)  // .gz ending, not gzip
        #expect(try readAll(InputOpener.open(plain)) == Array(text.utf8))
    }

    @Test func smallOutputChunksGiveTheSameBytes() throws {
        let dir = TemporaryDirectory()
        let gz = try dir.gzipFile("a.gz", text)
        #expect(try readAll(InputOpener.open(gz), chunk: 7) == Array(text.utf8))
    }

    @Test func concatenatedMembersReadAsOneStream() throws {
        let dir = TemporaryDirectory()
        let a = try dir.gzipFile("a.gz", "first\n")
        let b = try dir.gzipFile("b.gz", "second\n")
        let both = dir.file("both.gz", bytes: dir.bytes(a) + dir.bytes(b))
        #expect(try readAll(InputOpener.open(both)) == Array("first\nsecond\n".utf8))
    }

    @Test func truncatedGzipNamesTheFileAndOffset() throws {
        let dir = TemporaryDirectory()
        let gz = try dir.gzipFile("a.gz", text)
        let whole = dir.bytes(gz)
        let cut = dir.file("cut.csv.gz", bytes: Array(whole[0..<(whole.count / 2)]))
        #expect(throws: InputError.truncatedGzip(path: cut, offset: whole.count / 2)) {
            _ = try readAll(InputOpener.open(cut))
        }
        #expect(
            InputError.truncatedGzip(path: "x.gz", offset: 120).description
                == "x.gz: gzip stream truncated at compressed byte offset 120 (the file ends before the gzip trailer)")
    }

    @Test func corruptGzipNamesTheOffset() throws {
        let dir = TemporaryDirectory()
        var bytes = dir.bytes(try dir.gzipFile("a.gz", text))
        bytes[10] = 0xFF  // the first deflate block: type 3, which does not exist
        let bad = dir.file("bad.gz", bytes: bytes)
        #expect(throws: InputError.corruptGzip(path: bad, offset: 11, reason: "invalid block type")) {
            _ = try readAll(InputOpener.open(bad))
        }
    }

    @Test func trailingGarbageAfterTheStreamIsAnError() throws {
        let dir = TemporaryDirectory()
        let gz = try dir.gzipFile("a.gz", "x\n")
        let size = dir.bytes(gz).count
        let bad = dir.file("junk.gz", bytes: dir.bytes(gz) + Array("JUNK".utf8))
        #expect(throws: InputError.corruptGzip(path: bad, offset: size, reason: "trailing bytes after the gzip stream")) {
            _ = try readAll(InputOpener.open(bad))
        }
    }

    @Test func missingFileIsAClearError() {
        #expect(throws: InputError.cannotOpen(path: "/nonexistent/a.csv", reason: "No such file or directory")) {
            _ = try InputOpener.open("/nonexistent/a.csv")
        }
    }
}
