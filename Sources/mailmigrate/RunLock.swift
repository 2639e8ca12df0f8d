import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The lock beside the database (`<db>.lock`) that keeps two runs off one
/// database: taken with flock(2) for the run's whole life and released by
/// the kernel when the process ends, however it ends. A second run finds it
/// taken and stops at once (exit 6) instead of waiting.
final class RunLock {
    let path: String
    private let descriptor: Int32

    /// Nil when another process holds the lock; `holder` then says who, if it can.
    init?(database: String, holder: inout String) {
        path = database + ".lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            holder = "cannot open \(path): \(String(cString: strerror(errno)))"
            return nil
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(descriptor, &buffer, 31, 0)
            let pid = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
            holder = pid.isEmpty ? "another run holds \(path)" : "another run (pid \(pid)) holds \(path)"
            close(descriptor)
            return nil
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    /// Who holds the lock of `database` now (`a run (pid N)`), without
    /// taking it; nil when nobody does, or only this process.
    static func holder(database: String) -> String? {
        let descriptor = open(database + ".lock", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return nil
        }
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = pread(descriptor, &buffer, 31, 0)
        let pid = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
        if pid == String(getpid()) { return nil }
        return pid.isEmpty ? "a run" : "a run (pid \(pid))"
    }

    deinit {
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
