/// Where an exporter's bytes go: a file, standard output, or a compressor in
/// front of either.
public protocol ByteSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError)
    /// Writes everything still buffered; the sink stays usable.
    func flush() throws(OutputError)
}

extension ByteSink {
    /// Writes text as UTF-8.
    public func write(_ text: String) throws(OutputError) {
        try write(bytes: Array(text.utf8))
    }

    /// Writes bytes held in an array.
    public func write(bytes: [UInt8]) throws(OutputError) {
        var failure: OutputError?
        bytes.withUnsafeBytes { raw in
            do throws(OutputError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
