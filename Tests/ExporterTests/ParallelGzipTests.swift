import Foundation
import TestSupport
import Testing

@testable import Exporters

/// The multi-core gzip: one valid gzip member, the same bytes back, about
/// the size of a single-threaded deflate.
@Suite struct ParallelGzipTests {
    /// Text that compresses like exports do, with some randomness.
    static func sample(_ count: Int) -> [UInt8] {
        var rng = SystemRandomNumberGenerator()
        let words = ["info@", "müller", "-maschinenbau.de", ",imap,", "993", "tls", "\n", "Grüße", "{MITARBEITER}", ";"]
        var out: [UInt8] = []
        out.reserveCapacity(count)
        while out.count < count {
            out += Array(words.randomElement(using: &rng)!.utf8)
            if Int.random(in: 0..<20, using: &rng) == 0 { out.append(UInt8.random(in: 0...255, using: &rng)) }
        }
        return Array(out.prefix(count))
    }

    @Test(arguments: [0, 1, ParallelGzipSink.blockSize, ParallelGzipSink.blockSize + 1, 3_000_001])
    func gzipReadsBackTheSameBytes(count: Int) throws {
        let dir = TemporaryDirectory()
        let input = Self.sample(count)
        let file = try OutputFile(path: dir.path + "/x.gz", containsSecrets: false, compressionLevel: 6)
        // Written in uneven pieces, as writers do.
        var offset = 0
        while offset < input.count {
            let n = min(7_777, input.count - offset)
            try file.sink.write(bytes: Array(input[offset..<(offset + n)]))
            offset += n
        }
        try file.commit()
        #expect(try dir.shell("gzip -t x.gz") == 0)
        #expect(try dir.shell("gzip -dc x.gz > x.out") == 0)
        #expect(dir.bytes(dir.path + "/x.out") == input)
        if count > 1_000_000 {
            // About the size one deflate stream would have (gzip -6 of the same bytes).
            _ = dir.file("x.raw", bytes: input)
            #expect(try dir.shell("gzip -6 -c -n x.raw > single.gz") == 0)
            let ours = Double(dir.bytes(dir.path + "/x.gz").count)
            let single = Double(dir.bytes(dir.path + "/single.gz").count)
            #expect(ours / single < 1.01, "\(ours) vs \(single)")
        }
    }
}
