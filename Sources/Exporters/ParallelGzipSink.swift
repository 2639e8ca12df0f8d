import CZlib
import Foundation

/// Compresses what is written to it into one gzip member on several cores,
/// as pigz does: the input is cut into 128 KiB blocks; each block is deflated
/// on a worker thread with the 32 KiB before it as its dictionary and ends
/// with a sync flush (the last with the final block), so the blocks joined
/// in order are one valid deflate stream of nearly the size a single deflate
/// would write. The CRC is kept on the writing thread as bytes arrive.
/// Compression overlaps with the writer producing the next blocks; at most a
/// few blocks are in flight, so memory stays flat. (Workers touch only the
/// jobs, results and stop flag, under `condition`; hence `@unchecked Sendable`.)
final class ParallelGzipSink: ByteSink, @unchecked Sendable {
    static let blockSize = 128 * 1024
    static let dictionarySize = 32 * 1024

    private let target: ByteSink
    private let path: String
    private let level: Int32
    private var block: [UInt8] = []
    private var dictionary: [UInt8] = []
    private var crc: uLong = crc32(0, nil, 0)
    private var length: UInt64 = 0
    private var submitted = 0
    private var written = 0
    private var finished = false

    // Shared with the workers, under `condition`.
    private let condition = NSCondition()
    private var jobs: [(sequence: Int, data: [UInt8], dictionary: [UInt8], last: Bool)] = []
    private var results: [Int: Result<[UInt8], OutputError>] = [:]
    private var stopping = false
    private var workers: [Thread] = []
    private let inFlightLimit: Int

    init(target: ByteSink, path: String, level: Int32, threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws(OutputError) {
        self.target = target
        self.path = path
        self.level = level
        let count = max(1, threads)
        inFlightLimit = count * 2
        block.reserveCapacity(Self.blockSize)
        // The gzip header: deflate, no name, no time, Unix.
        let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3]
        try target.write(bytes: header)
        for index in 0..<count {
            let thread = Thread { [unowned self] in self.work() }
            thread.name = "gzip-\(index)"
            workers.append(thread)
            thread.start()
        }
    }

    deinit { stop() }

    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        crc = crc32(crc, base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count))
        length += UInt64(bytes.count)
        var offset = 0
        while offset < bytes.count {
            let take = min(Self.blockSize - block.count, bytes.count - offset)
            block.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + take)]))
            offset += take
            if block.count == Self.blockSize { try submit(last: false) }
        }
    }

    /// Nothing to do until `finish`: blocks are written as they complete.
    func flush() throws(OutputError) {}

    /// Compresses the rest, writes every block in order and the gzip trailer.
    func finish() throws(OutputError) {
        guard !finished else { return }
        finished = true
        try submit(last: true)
        try writeCompleted(waitingForAll: true)
        var trailer: [UInt8] = []
        for shift in stride(from: 0, to: 32, by: 8) { trailer.append(UInt8(truncatingIfNeeded: UInt64(crc) >> UInt64(shift))) }
        for shift in stride(from: 0, to: 32, by: 8) { trailer.append(UInt8(truncatingIfNeeded: length >> UInt64(shift))) }
        try target.write(bytes: trailer)
        try target.flush()
        stop()
    }

    private func submit(last: Bool) throws(OutputError) {
        let data = block
        let job = (sequence: submitted, data: data, dictionary: dictionary, last: last)
        submitted += 1
        // The next block's dictionary: the last 32 KiB of input so far.
        if data.count >= Self.dictionarySize {
            dictionary = Array(data.suffix(Self.dictionarySize))
        } else {
            dictionary = Array((dictionary + data).suffix(Self.dictionarySize))
        }
        block.removeAll(keepingCapacity: true)
        condition.lock()
        while submitted - written > inFlightLimit && results[written] == nil { condition.wait() }
        jobs.append(job)
        condition.broadcast()
        condition.unlock()
        try writeCompleted(waitingForAll: false)
    }

    /// Writes the finished blocks that are next in order; with `waitingForAll`, waits for every block.
    private func writeCompleted(waitingForAll: Bool) throws(OutputError) {
        while written < submitted {
            condition.lock()
            if waitingForAll { while results[written] == nil { condition.wait() } }
            let next = results.removeValue(forKey: written)
            condition.unlock()
            guard let next else { return }
            written += 1
            condition.lock()
            condition.broadcast()
            condition.unlock()
            let bytes = try next.get()
            try target.write(bytes: bytes)
        }
    }

    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if jobs.isEmpty && stopping {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            let result = Self.deflateBlock(job.data, dictionary: job.dictionary, last: job.last, level: level, path: path)
            condition.lock()
            results[job.sequence] = result
            condition.broadcast()
            condition.unlock()
        }
    }

    private func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    /// One block as raw deflate, ending byte-aligned (sync flush) or final.
    static func deflateBlock(_ data: [UInt8], dictionary: [UInt8], last: Bool, level: Int32, path: String) -> Result<[UInt8], OutputError> {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(OutputError(path: path, message: "zlib could not start"))
        }
        defer { deflateEnd(&stream) }
        if !dictionary.isEmpty {
            _ = dictionary.withUnsafeBufferPointer { deflateSetDictionary(&stream, $0.baseAddress, uInt($0.count)) }
        }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(data.count))) + 64)
        let status: Int32 = data.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                return deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH)
            }
        }
        guard status == (last ? Z_STREAM_END : Z_OK) else {
            return .failure(OutputError(path: path, message: "zlib failed to compress a block (\(status))"))
        }
        output.removeLast(Int(stream.avail_out))
        return .success(output)
    }
}
