/// Where each key was first seen in a batch: the memory of a batch rule.
/// A reference type, so that a rule value copied on its way through the
/// validator shares its memory instead of copying a dictionary per account.
final class FirstSeen: @unchecked Sendable {
    private var sources: [String: String] = [:]

    /// The source the key was first seen at, or nil when this is the first time
    /// (and then `source` is remembered for it).
    func previous(for key: String, source: String) -> String? {
        if let first = sources[key] { return first }
        sources[key] = source
        return nil
    }
}
