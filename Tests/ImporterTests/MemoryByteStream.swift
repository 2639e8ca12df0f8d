import Importers

/// Bytes from memory, handed out in chunks of at most `chunk` bytes, so tests
/// can put every chunk boundary in every place.
final class MemoryByteStream: ByteStream {
    let name: String
    private let bytes: [UInt8]
    private let chunk: Int
    private var offset = 0

    init(_ text: String, name: String = "test.csv", chunk: Int = .max) {
        self.bytes = Array(text.utf8)
        self.name = name
        self.chunk = chunk
    }

    init(bytes: [UInt8], name: String = "test.csv", chunk: Int = .max) {
        self.bytes = bytes
        self.name = name
        self.chunk = chunk
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let n = min(buffer.count, chunk, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + n])) }
        offset += n
        return n
    }
}

func allEvents(_ reader: CSVRecordReader) throws -> [CSVRecordEvent] {
    var events: [CSVRecordEvent] = []
    while let event = try reader.next() { events.append(event) }
    return events
}
