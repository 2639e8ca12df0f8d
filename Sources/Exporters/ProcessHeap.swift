#if canImport(Glibc)
import Glibc
#endif

/// The C allocator's heap, as the operating system sees it.
///
/// glibc keeps memory that was freed in the middle of an arena resident: a
/// run's page cache and the readers' batches stay in the process's peak RSS
/// after they are freed, and whatever is allocated next comes on top. At the
/// end of a run on an empty store, SQLite's sorter then builds the key index
/// in fresh pages, and that made a large run's peak higher than a small
/// one's. Handing the freed pages back first keeps the peak where the run's
/// steady state put it, whatever the run's size.
enum ProcessHeap {
    /// Returns the pages of freed heap memory to the system (glibc's
    /// `malloc_trim`, which releases whole free pages in every arena, not
    /// only at each arena's top). Too quick for perf to sample once in a
    /// 1M-row run; does nothing on other C libraries.
    static func returnFreedPages() {
        #if canImport(Glibc)
        guard let trim = mallocTrim else { return }
        _ = trim(0)
        #endif
    }

    #if canImport(Glibc)
    /// `malloc_trim`, declared in `<malloc.h>`, which the Glibc module leaves out.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
    #endif
}
