#if canImport(Glibc)
import Glibc
#endif

/// Writes bytes to a file descriptor with `write(2)`, in large blocks.
final class DescriptorSink: ByteSink {
    let path: String
    let fd: Int32
    private var buffer: [UInt8] = []
    private let blockSize = 1 << 18

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
        buffer.reserveCapacity(blockSize)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        if buffer.count + bytes.count > blockSize { try flush() }
        if bytes.count >= blockSize {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        var failure: OutputError?
        pending.withUnsafeBytes { bytes in
            do throws(OutputError) { try writeAll(bytes) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path, message: String(cString: strerror(errno)))
            }
            offset += n
        }
    }
}
