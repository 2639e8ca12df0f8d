import MailModel

/// A check of one account at a time. Each rule is one small type in its own
/// file; `RuleCatalog` lists them.
public protocol AccountRule: Sendable {
    static var description: RuleDescription { get }
    /// What is wrong with the account, as findings of `severity`.
    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding]
}

extension AccountRule {
    /// The findings for one account (facts derived here; use `AccountFacts`
    /// to share them across rules).
    public func validate(_ account: MailAccount, severity: Severity) -> [Finding] {
        validate(AccountFacts(account), severity: severity)
    }

    /// A finding of this rule.
    func finding(_ severity: Severity, _ field: CanonicalField?, _ message: String, fix: String? = nil) -> Finding {
        Finding(
            rule: Self.description.identifier, severity: severity, field: field, message: message,
            fix: fix ?? Self.description.fix)
    }
}
