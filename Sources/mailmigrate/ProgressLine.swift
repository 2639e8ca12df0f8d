import Foundation

/// A one-line progress display on standard error, shown only on a terminal
/// and only once a run has taken more than a second (small inputs stay quiet).
final class ProgressLine {
    private let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled && FileHandleStream.standardError.isTerminal }

    func update(records: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastDraw) > 0.25 else { return }
        lastDraw = now
        let rate = Double(records) / now.timeIntervalSince(started)
        FileHandleStream.standardError.write("\r\u{1B}[Kread \(records) records (\(Int(rate))/s)")
        drawn = true
    }

    func clear() {
        if drawn { FileHandleStream.standardError.write("\r\u{1B}[K") }
    }
}
