import MailModel

/// Writes accounts, one at a time, in one file format.
public protocol AccountWriter: AnyObject {
    func write(_ account: MailAccount) throws(OutputError)
    /// Writes what the format needs at the end (a closing tag, nothing for CSV).
    func finish() throws(OutputError)
}
