#if canImport(Glibc)
import Glibc
#endif

/// Writes text to standard error or output without buffering surprises.
struct FileHandleStream {
    let fd: Int32

    static let standardError = FileHandleStream(fd: 2)
    static let standardOutput = FileHandleStream(fd: 1)

    func write(_ text: String) {
        var text = text
        text.withUTF8 { write(bytes: $0) }
    }

    func write(bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, base + offset, bytes.count - offset)
            if n <= 0 { if errno == EINTR { continue } else { return } }
            offset += n
        }
    }

    var isTerminal: Bool { isatty(fd) == 1 }
}
