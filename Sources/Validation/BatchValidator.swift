import MailModel

/// Validates the accounts of one batch (a run, a `validate` call) in order:
/// every account rule on each account, and the batch rules across them, as
/// the configuration says.
public struct BatchValidator: Sendable {
    private let accountRules: [ConfiguredRule]
    private var batchRules: [(rule: any BatchRule, severity: Severity)]
    private let providers: ProviderIndex?

    /// With `batchRules` false only the account rules run: memory then stays
    /// flat however many accounts pass (what `run` needs; a duplicate account
    /// is a reject there anyway).
    /// `providers`: what mail providers publish (autoconfig files), for
    /// `provider-settings-differ`; without it that rule finds nothing.
    /// `firstSeen` makes the memory of each batch rule (default: in memory).
    public init(
        configuration: RuleConfiguration = RuleConfiguration(), batchRules includeBatchRules: Bool = true,
        providers: ProviderIndex? = nil, firstSeen: () -> any FirstSeenKeys = { FirstSeen() }
    ) {
        self.providers = providers
        accountRules = RuleCatalog.rules.compactMap { rule in
            configuration.severity(of: type(of: rule).description.identifier, default: type(of: rule).description.severity)
                .map { ConfiguredRule.make(rule, severity: $0) }
        }
        batchRules = (includeBatchRules ? RuleCatalog.batchRules : []).compactMap { type in
            configuration.severity(of: type.description.identifier, default: type.description.severity)
                .map { (type.init(firstSeen: firstSeen()), $0) }
        }
    }

    public mutating func validate(_ account: consuming MailAccount, source: SourceReference) -> [Finding] {
        var findings: [Finding] = []
        let facts = AccountFacts(account, providers: providers)
        for index in accountRules.indices {
            // Called without a retain and a release of the rule (one pair per
            // rule and account): the validator holds every rule all its life.
            let found = Unmanaged.passUnretained(accountRules[index])._withUnsafeGuaranteedRef { $0.validate(facts) }
            if !found.isEmpty { findings += found }
        }
        for index in batchRules.indices {
            let severity = batchRules[index].severity
            findings += batchRules[index].rule.validate(facts.account, source: source, severity: severity)
        }
        return findings
    }
}

/// An account rule with the severity the configuration gives it. A class
/// whose subclass holds the rule as its own type: running it then reads the
/// rule in place. Copying an existential out of an array for each rule and
/// account was a sixth of validation's time, and out of a class property
/// it was still copied and destroyed on every call.
private class ConfiguredRule: @unchecked Sendable {
    let severity: Severity

    init(severity: Severity) {
        self.severity = severity
    }

    /// The rule's findings for these facts.
    func validate(_ facts: AccountFacts) -> [Finding] {
        fatalError("ConfiguredRule is abstract; RuleOfType runs a rule")
    }

    /// The configured rule for a rule of any type.
    static func make(_ rule: some AccountRule, severity: Severity) -> ConfiguredRule {
        RuleOfType(rule: rule, severity: severity)
    }
}

/// `ConfiguredRule` for a rule of type `Rule`. Immutable, hence Sendable.
private final class RuleOfType<Rule: AccountRule>: ConfiguredRule, @unchecked Sendable {
    let rule: Rule

    init(rule: Rule, severity: Severity) {
        self.rule = rule
        super.init(severity: severity)
    }

    override func validate(_ facts: AccountFacts) -> [Finding] {
        rule.validate(facts, severity: severity)
    }
}
