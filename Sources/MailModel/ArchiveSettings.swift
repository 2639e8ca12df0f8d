/// The mail archive of an account ("E-Mail-Archiv").
public struct ArchiveSettings: Sendable, Hashable {
    public var enabled = false
    /// Delete archived mail after this many days; `.days(0)` or nil means never.
    public var deleteAfterDays: ArchiveRetention?

    public init() {}
}
