import CZlib

/// Inflates a gzip stream as it is read, chunk by chunk, so that a compressed
/// file never sits in memory whole. Several gzip members one after another
/// (as `cat a.gz b.gz` makes) read as one stream. A corrupt or truncated file
/// is an error naming the compressed byte offset where it went wrong.
public final class GzipByteStream: ByteStream {
    public var name: String { source.name }
    private let source: ByteStream
    private let zs: UnsafeMutablePointer<z_stream>
    private var input: UnsafeMutableRawBufferPointer
    private var inputEnd = false
    private var memberDone = false
    /// Compressed bytes consumed by finished members, for error offsets.
    private var consumedBefore = 0

    public init(source: ByteStream, chunkSize: Int = 256 * 1024) throws(InputError) {
        self.source = source
        input = .allocate(byteCount: chunkSize, alignment: 16)
        zs = .allocate(capacity: 1)
        zs.initialize(to: z_stream())
        let status = inflateInit2_(zs, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            throw .corruptGzip(path: source.name, offset: 0, reason: "zlib could not start (\(status))")
        }
    }

    deinit {
        inflateEnd(zs)
        zs.deallocate()
        input.deallocate()
    }

    private var offset: Int { consumedBefore + Int(zs.pointee.total_in) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        guard buffer.count > 0 else { return 0 }
        while true {
            if memberDone {
                // Another member may follow; anything else after a member is an error.
                if zs.pointee.avail_in == 0 && !inputEnd { try refill() }
                if zs.pointee.avail_in == 0 && inputEnd { return 0 }
                let next = zs.pointee.next_in!
                if next[0] != 0x1f || (zs.pointee.avail_in > 1 && next[1] != 0x8b) {
                    throw .corruptGzip(path: name, offset: offset, reason: "trailing bytes after the gzip stream")
                }
                consumedBefore += Int(zs.pointee.total_in)
                inflateReset(zs)
                memberDone = false
            }
            if zs.pointee.avail_in == 0 && !inputEnd { try refill() }
            zs.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
            zs.pointee.avail_out = uInt(min(buffer.count, Int(UInt32.max)))
            let status = inflate(zs, Z_NO_FLUSH)
            let produced = buffer.count - Int(zs.pointee.avail_out)
            switch status {
            case Z_STREAM_END:
                memberDone = true
                if produced > 0 { return produced }
            case Z_OK:
                if produced > 0 { return produced }
            case Z_BUF_ERROR:
                if produced > 0 { return produced }
                if inputEnd { throw .truncatedGzip(path: name, offset: offset) }
            default:
                let reason = zs.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw .corruptGzip(path: name, offset: offset, reason: reason)
            }
            if zs.pointee.avail_in == 0 && inputEnd && !memberDone {
                throw .truncatedGzip(path: name, offset: offset)
            }
        }
    }

    private func refill() throws(InputError) {
        let n = try source.read(into: input)
        if n == 0 { inputEnd = true }
        zs.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
        zs.pointee.avail_in = uInt(n)
    }
}
