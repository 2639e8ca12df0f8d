/// The counts of one import run. Records read = accounts new + updated +
/// unchanged + rejected, always: nothing is lost without being counted.
public struct RunSummary: Sendable, Equatable, Codable {
    public var runID: Int64 = 0
    public var recordsRead = 0
    public var accountsNew = 0
    public var accountsUpdated = 0
    public var accountsUnchanged = 0
    public var rejected = 0

    public init() {}

    public var accountsImported: Int { accountsNew + accountsUpdated + accountsUnchanged }
}
