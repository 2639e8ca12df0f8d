/// Collects the UTF-8 of one output record before it goes to a sink.
struct TextBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func drain(to sink: ByteSink) throws(OutputError) {
        var failure: OutputError?
        bytes.withUnsafeBytes { raw in
            do throws(OutputError) { try sink.write(raw) } catch { failure = error }
        }
        bytes.removeAll(keepingCapacity: true)
        if let failure { throw failure }
    }
}
