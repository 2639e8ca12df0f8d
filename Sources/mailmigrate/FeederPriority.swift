#if canImport(Glibc)
import Glibc
#endif

/// The scheduling priority of the threads that feed the store (the reader
/// and the normalisers): five nice levels below the thread they were started
/// from, so that the store's thread wins a core whenever it has rows to write.
///
/// The store is the one stage that cannot be split (SQLite takes one writer),
/// and on two cores it shared them evenly with three feeding threads: at 1M
/// accounts the normalisers waited 3 s in all for room in the store's full
/// queue while the store had only part of a core. At nice +5 the feeders get
/// a third of the store's share when both want the same core, and all the
/// time it leaves; canonical CSV at 1M took 9% less time (six interleaved
/// pairs, each won) and the OpenXE dump 20% (four pairs). The levels are relative: a run started under `nice` keeps its
/// place among the machine's other work, and lowering one's own priority
/// needs no privilege.
enum FeederPriority {
    /// Nice levels below the store's thread.
    static let levelsBelowStore: Int32 = 5

    /// Lowers the calling thread's priority (Linux keeps one per thread; elsewhere nothing changes).
    static func lowerCallingThread() {
        #if os(Linux)
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        errno = 0
        let current = getpriority(which, 0)  // 0: the calling thread, on Linux
        guard errno == 0 else { return }
        _ = setpriority(which, 0, min(current + levelsBelowStore, 19))
        #endif
    }
}
