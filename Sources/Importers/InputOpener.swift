/// Opens a path or `-` for reading and inflates gzip transparently. Gzip is
/// recognised by its magic bytes (1f 8b), not by the file name.
public enum InputOpener {
    public static func open(_ path: String) throws(InputError) -> ByteStream {
        let raw = try FileByteStream(path: path)
        let sniffing = SniffingByteStream(source: raw)
        let head = try sniffing.peek(2)
        if head.count == 2 && head[0] == 0x1f && head[1] == 0x8b {
            return try GzipByteStream(source: sniffing)
        }
        return sniffing
    }
}

/// Lets the first bytes of a stream be looked at and then read again.
final class SniffingByteStream: ByteStream {
    var name: String { source.name }
    private let source: ByteStream
    private var pending: [UInt8] = []

    init(source: ByteStream) { self.source = source }

    func peek(_ count: Int) throws(InputError) -> [UInt8] {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 1)
        defer { chunk.deallocate() }
        while pending.count < count {
            let want = count - pending.count
            let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: chunk[0..<want]))
            if n == 0 { break }
            pending.append(contentsOf: chunk[0..<n])
        }
        return pending
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        if pending.isEmpty { return try source.read(into: buffer) }
        let n = min(buffer.count, pending.count)
        pending.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        pending.removeFirst(n)
        return n
    }
}
