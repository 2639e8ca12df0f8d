/// Where a batch rule remembers each key it has seen and the source it was
/// first seen at. A batch of a few thousand accounts keeps them in memory
/// (`FirstSeen`); a caller that validates more than memory should hold
/// gives one that keeps them on disk. A reference type, so that a rule value
/// copied on its way through the validator shares its memory instead of
/// copying it per account.
public protocol FirstSeenKeys: AnyObject, Sendable {
    /// The source `key` was first seen at, or nil when this is the first time
    /// (and then `source` is remembered for it).
    func previous(for key: String, source: String) -> String?
}

/// `FirstSeenKeys` in a dictionary: memory grows with the distinct keys.
public final class FirstSeen: FirstSeenKeys, @unchecked Sendable {
    private var sources: [String: String] = [:]

    public init() {}

    public func previous(for key: String, source: String) -> String? {
        if let first = sources[key] { return first }
        sources[key] = source
        return nil
    }
}
