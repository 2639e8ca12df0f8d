#if canImport(Glibc)
import Glibc
import Testing

@testable import Exporters

@Suite struct ProcessHeapTests {
    /// How many whole pages inside `blocks` are resident (`mincore`): a
    /// count of these addresses alone, which other tests running beside
    /// this one do not change as they would the process's RSS.
    func residentPages(in blocks: [UnsafeMutableRawPointer], size: Int) -> Int {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        var resident = 0
        for block in blocks {
            let start = (Int(bitPattern: block) + page - 1) / page * page
            let end = (Int(bitPattern: block) + size) / page * page
            guard end > start else { continue }
            var flags = [UInt8](repeating: 0, count: (end - start) / page)
            #expect(mincore(UnsafeMutableRawPointer(bitPattern: start), end - start, &flags) == 0)
            resident += flags.filter { $0 & 1 != 0 }.count
        }
        return resident
    }

    /// Memory freed in the middle of the heap (a live block above it keeps
    /// glibc from trimming it on `free`) stays resident until it is handed back.
    @Test func freedPagesInTheMiddleOfTheHeapAreHandedBack() {
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
        let before = residentPages(in: blocks, size: blockSize)
        ProcessHeap.returnFreedPages()
        let after = residentPages(in: blocks, size: blockSize)
        // 40 MiB freed: nearly all of it resident before, nearly none after
        // (glibc keeps a free chunk's header, and a block may be reused at once).
        #expect(before > 9_000, "\(before) pages resident before")
        #expect(after < before / 10, "\(before) pages resident before, \(after) after")
    }
}
#endif
