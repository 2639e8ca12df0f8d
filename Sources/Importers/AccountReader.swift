/// Reads one source's records one at a time, in input order.
///
/// `next()` throws only when the input as a whole cannot be read on (it cannot
/// be opened, its gzip is corrupt); a record that is wrong is an
/// `ImportItem.reject` and reading goes on.
public protocol AccountReader: AnyObject {
    func next() throws(InputError) -> ImportItem?
}
