import Foundation

/// A first-in first-out queue between threads that holds at most
/// `capacity` items: the producer waits when it is full, so a fast reader
/// cannot pile up memory ahead of a slower writer.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private let capacity: Int
    private var closed = false

    init(capacity: Int) { self.capacity = capacity }

    /// Adds an item, waiting while the queue is full; false once the consumer closed it.
    @discardableResult
    func put(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !closed { condition.wait() }
        if closed { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Takes the oldest item, waiting while the queue is empty, but no longer
    /// than `timeout` seconds: nil then, so the caller can look at signals.
    func take(timeout: Double) -> Element? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while items.isEmpty {
            if closed || !condition.wait(until: deadline) { return nil }
        }
        // Removed at once (the array holds at most `capacity` items), so a
        // taken item is not kept alive by the queue.
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// Whether `close()` was called.
    var isClosed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return closed
    }

    /// Tells waiting producers (and consumers) to give up: nothing more is taken.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
