/// The counts of one import run. Records read = accounts new + updated +
/// unchanged + rejected + skipped, always: nothing is lost without being counted.
public struct RunSummary: Sendable, Equatable, Codable {
    public var runID: Int64 = 0
    public var recordsRead = 0
    public var accountsNew = 0
    public var accountsUpdated = 0
    public var accountsUnchanged = 0
    public var rejected = 0
    /// Records left out on purpose (deleted in their system).
    public var skipped = 0

    public init() {}

    public var accountsImported: Int { accountsNew + accountsUpdated + accountsUnchanged }
}
