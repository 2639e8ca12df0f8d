/// A source of input bytes read in chunks. Every importer reads through this
/// one layer, so files, standard input and gzip are handled in one place.
public protocol ByteStream: AnyObject {
    /// The name errors use: the path as given, or `-`.
    var name: String { get }
    /// Fills up to `buffer.count` bytes; 0 means the end of the input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int
}
