import TestSupport
import Foundation
import Importers
import Testing

@testable import Exporters

@Suite struct OutputFileTests {
    func write(_ text: String, to file: OutputFile) throws {
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
        defer { buffer.deallocate() }
        buffer.copyBytes(from: bytes)
        try file.sink.write(UnsafeRawBufferPointer(buffer))
    }

    @Test func aFileAppearsOnlyWhenCommitted() throws {
        let dir = TemporaryDirectory()
        let path = dir.path + "/out.csv"
        let file = try OutputFile(path: path, containsSecrets: false)
        try write("email\n", to: file)
        #expect(dir.names.count == 1 && dir.names[0].hasPrefix(".out.csv."))  // only the temporary file
        #expect(!FileManager.default.fileExists(atPath: path))
        try file.commit()
        #expect(dir.names == ["out.csv"])
        #expect(dir.read("out.csv") == "email\n")
    }

    @Test func aDiscardedFileLeavesNothing() throws {
        let dir = TemporaryDirectory()
        do {
            let file = try OutputFile(path: dir.path + "/out.csv.gz", containsSecrets: true)
            try write(String(repeating: "x", count: 1_000_000), to: file)
            file.discard()
        }
        #expect(dir.names == [])
    }

    @Test func secretsMeanMode0600() throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        let dir = TemporaryDirectory()
        for (name, secrets, mode) in [("s.csv", true, 0o600), ("p.csv", false, 0o644)] {
            let file = try OutputFile(path: dir.path + "/" + name, containsSecrets: secrets)
            try file.commit()
            let actual = try FileManager.default.attributesOfItem(atPath: dir.path + "/" + name)[.posixPermissions] as? Int
            #expect(actual == mode)
        }
    }

    @Test func gzipOutputIsGzipThatGzipAndOurReaderAccept() throws {
        let dir = TemporaryDirectory()
        let text = (1...50_000).map { "zeile \($0)\n" }.joined()
        let path = dir.path + "/out.csv.gz"
        let file = try OutputFile(path: path, containsSecrets: false, compressionLevel: 9)
        try write(text, to: file)
        try file.commit()
        let stream = try InputOpener.open(path)
        var back: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65536, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let n = try stream.read(into: buffer)
            if n == 0 { break }
            back += buffer[0..<n]
        }
        #expect(back == Array(text.utf8))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "gzip -t \"$0\"", path]
        try gzip.run()
        gzip.waitUntilExit()
        #expect(gzip.terminationStatus == 0)
    }
}
