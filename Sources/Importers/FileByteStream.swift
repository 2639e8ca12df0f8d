#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The raw bytes of a file or of standard input (`-`), read with `read(2)`.
public final class FileByteStream: ByteStream {
    public let name: String
    private let fd: Int32
    private let ownsDescriptor: Bool

    public init(path: String) throws(InputError) {
        name = path
        if path == "-" {
            fd = 0
            ownsDescriptor = false
        } else {
            let opened = open(path, O_RDONLY | O_CLOEXEC)
            guard opened >= 0 else {
                throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            var info = stat()
            if fstat(opened, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(opened)
                throw .cannotOpen(path: path, reason: "is a directory")
            }
            fd = opened
            ownsDescriptor = true
        }
    }

    deinit { if ownsDescriptor { close(fd) } }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw .readFailed(path: name, reason: String(cString: strerror(errno)))
        }
    }
}
