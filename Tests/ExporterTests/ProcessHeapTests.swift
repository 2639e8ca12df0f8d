#if canImport(Glibc)
import Glibc
import Foundation
import Testing

@testable import Exporters

@Suite struct ProcessHeapTests {
    /// Resident anonymous memory of this process, in KiB (`RssAnon` in /proc/self/status).
    func residentAnonymousKiB() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("RssAnon:") })
        return try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
    }

    /// Memory freed in the middle of the heap (a live block above it keeps
    /// glibc from trimming it on `free`) stays resident until it is handed back.
    @Test func freedPagesInTheMiddleOfTheHeapAreHandedBack() throws {
        let blockSize = 64 << 10  // under glibc's mmap threshold: from an arena
        let blocks = (0..<640).map { _ -> UnsafeMutableRawPointer in
            let block = malloc(blockSize)!
            memset(block, 0x5A, blockSize)  // resident
            return block
        }
        let pin = malloc(blockSize)!  // above the blocks
        memset(pin, 0x5A, blockSize)
        defer { free(pin) }
        for block in blocks { free(block) }
        let before = try residentAnonymousKiB()
        ProcessHeap.returnFreedPages()
        let after = try residentAnonymousKiB()
        // 40 MiB were freed; other tests run beside this one and allocate too.
        #expect(before - after > 20 << 10, "RssAnon \(before) KiB before, \(after) KiB after")
    }
}
#endif
