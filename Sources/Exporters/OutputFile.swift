import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An export's destination: standard output (`-`) or a file that appears
/// only when complete. A file is written under a temporary name beside its
/// final one and renamed on `commit()`, so a failed export leaves no partial
/// file behind. A path ending in `.gz` is gzip-compressed, on every core
/// (`ParallelGzipSink`). A file that holds
/// passwords is created with mode 0600.
public final class OutputFile {
    public let path: String
    public let sink: ByteSink
    private let raw: DescriptorSink
    private let gzip: ParallelGzipSink?
    private let temporaryPath: String?
    private var done = false

    public init(path: String, containsSecrets: Bool, compressionLevel: Int32 = 6) throws(OutputError) {
        self.path = path
        if path == "-" {
            raw = DescriptorSink(fd: 1, path: "standard output")
            temporaryPath = nil
        } else {
            let url = URL(fileURLWithPath: path)
            let temp = url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial").path
            let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, containsSecrets ? 0o600 : 0o644)
            guard fd >= 0 else { throw OutputError(path: path, message: String(cString: strerror(errno))) }
            raw = DescriptorSink(fd: fd, path: path)
            temporaryPath = temp
        }
        if path.lowercased().hasSuffix(".gz") {
            gzip = try ParallelGzipSink(target: raw, path: path, level: compressionLevel)
        } else {
            gzip = nil
        }
        sink = gzip ?? raw
    }

    deinit { discard() }

    /// Finishes the output and moves it to its final name.
    public func commit() throws(OutputError) {
        guard !done else { return }
        try gzip?.finish()
        try raw.flush()
        done = true
        guard let temporaryPath else { return }
        if fsync(raw.fd) != 0 || close(raw.fd) != 0 {
            unlink(temporaryPath)
            throw OutputError(path: path, message: String(cString: strerror(errno)))
        }
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError(path: path, message: reason)
        }
    }

    /// Drops an unfinished output: its temporary file is removed.
    public func discard() {
        guard !done else { return }
        done = true
        if let temporaryPath {
            close(raw.fd)
            unlink(temporaryPath)
        }
    }
}
