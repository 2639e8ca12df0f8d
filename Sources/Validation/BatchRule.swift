import MailModel

/// A check across the accounts of one batch (duplicates). It sees accounts one
/// at a time and remembers the keys it tracks in `firstSeen`, which the
/// validator gives it: in memory, or on disk for a batch larger than memory
/// should hold.
public protocol BatchRule: Sendable {
    static var description: BatchRuleDescription { get }
    init(firstSeen: any FirstSeenKeys)
    /// Findings for `account`, which comes after every account seen before.
    mutating func validate(_ account: MailAccount, source: SourceReference, severity: Severity) -> [Finding]
}

/// What a batch rule is; its examples are batches, and the last account of a
/// triggering batch is the one that gets the finding.
public struct BatchRuleDescription: Sendable {
    public let identifier: String
    public let severity: Severity
    public let rationale: String
    public let fix: String
    public let triggeringBatches: [[Example]]
    public let nonTriggeringBatches: [[Example]]
}

extension BatchRule {
    func finding(_ severity: Severity, _ field: CanonicalField?, _ message: String) -> Finding {
        Finding(rule: Self.description.identifier, severity: severity, field: field, message: message, fix: Self.description.fix)
    }
}
