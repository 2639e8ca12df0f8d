// The input of a fuzz target as a ByteStream that hands it out in chunks of
// a size the input chooses, so that every chunk boundary gets tried.

final class FuzzByteStream: ByteStream {
    let name = "fuzz-input"
    private let bytes: [UInt8]
    private let chunk: Int
    private var offset = 0

    init(_ bytes: [UInt8], chunk: Int) {
        self.bytes = bytes
        self.chunk = max(1, chunk)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let n = min(buffer.count, chunk, bytes.count - offset)
        for k in 0..<n { buffer[k] = bytes[offset + k] }
        offset += n
        return n
    }
}
