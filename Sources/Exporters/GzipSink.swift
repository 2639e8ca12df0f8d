import CZlib

/// Compresses what is written to it into one gzip member and hands the
/// compressed bytes on, chunk by chunk, so memory stays flat.
final class GzipSink: ByteSink {
    private let target: ByteSink
    private let path: String
    private let zs: UnsafeMutablePointer<z_stream>
    private let out: UnsafeMutableRawBufferPointer
    private var finished = false

    init(target: ByteSink, path: String, level: Int32) throws(OutputError) {
        self.target = target
        self.path = path
        zs = .allocate(capacity: 1)
        zs.initialize(to: z_stream())
        out = .allocate(byteCount: 1 << 18, alignment: 16)
        let status = deflateInit2_(
            zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw OutputError(path: path, message: "zlib could not start (\(status))") }
    }

    deinit {
        deflateEnd(zs)
        zs.deallocate()
        out.deallocate()
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        guard bytes.count > 0 else { return }
        zs.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress!.assumingMemoryBound(to: Bytef.self))
        zs.pointee.avail_in = uInt(bytes.count)
        try pump(Z_NO_FLUSH)
    }

    /// Nothing to do until `finish`: deflate keeps its window.
    func flush() throws(OutputError) {}

    /// Writes the gzip trailer.
    func finish() throws(OutputError) {
        guard !finished else { return }
        finished = true
        zs.pointee.next_in = nil
        zs.pointee.avail_in = 0
        try pump(Z_FINISH)
        try target.flush()
    }

    private func pump(_ mode: Int32) throws(OutputError) {
        repeat {
            zs.pointee.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
            zs.pointee.avail_out = uInt(out.count)
            let status = deflate(zs, mode)
            guard status != Z_STREAM_ERROR else { throw OutputError(path: path, message: "zlib stream error") }
            let produced = out.count - Int(zs.pointee.avail_out)
            if produced > 0 { try target.write(UnsafeRawBufferPointer(rebasing: out[0..<produced])) }
            if mode == Z_FINISH && status == Z_STREAM_END { return }
        } while zs.pointee.avail_out == 0 || zs.pointee.avail_in > 0 || mode == Z_FINISH
    }
}
