import Foundation

/// How many of a normaliser's batches may be past the reader and not yet
/// stored: being normalised, finished and waiting for the store, or being
/// stored.
///
/// A normalised batch holds about twice the memory of a read one, and two
/// normalisers finish batches out of order, so the store keeps the early
/// ones until the batch before them arrives. Without a limit, a normaliser
/// that the scheduler left waiting let the other run ahead, and the longer
/// the run the further ahead it once got: the peak memory of a run grew
/// with its input. A normaliser takes a place here before it takes a
/// batch; the store gives the place back when it has stored the batch.
final class BacklogLimit: @unchecked Sendable {
    private let condition = NSCondition()
    private var free: Int
    private var closed = false

    init(batches: Int) { free = batches }

    /// Waits for a place; false once closed (the run is ending).
    func enter() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while free == 0 && !closed { condition.wait() }
        if closed { return false }
        free -= 1
        return true
    }

    /// Gives a place back: its batch is stored.
    func leave() {
        condition.lock()
        free += 1
        condition.signal()
        condition.unlock()
    }

    /// Wakes every waiting normaliser and lets none in again.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
