/// Whole-input reading for formats that are parsed as a whole (saved pages,
/// autoconfig files): with a limit, so a wrong file cannot fill memory.
enum ByteStreams {
    static func readAll(_ stream: ByteStream, limit: Int, path: String) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let n = try stream.read(into: chunk)
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit {
                throw .invalidDocument(path: path, line: nil, column: nil, reason: "larger than \(limit >> 20) MiB")
            }
        }
    }
}
