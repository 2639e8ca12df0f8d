/// Where an exporter's bytes go: a file, standard output, or a compressor in
/// front of either.
public protocol ByteSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError)
    /// Writes everything still buffered; the sink stays usable.
    func flush() throws(OutputError)
}
