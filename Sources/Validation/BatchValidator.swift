import MailModel

/// Validates the accounts of one batch (a run, a `validate` call) in order:
/// every account rule on each account, and the batch rules across them, as
/// the configuration says.
public struct BatchValidator: Sendable {
    private let accountRules: [(rule: any AccountRule, severity: Severity)]
    private var batchRules: [(rule: any BatchRule, severity: Severity)]
    private let providers: ProviderIndex?

    /// With `batchRules` false only the account rules run: memory then stays
    /// flat however many accounts pass (what `run` needs; a duplicate account
    /// is a reject there anyway).
    /// `providers`: what mail providers publish (autoconfig files), for
    /// `provider-settings-differ`; without it that rule finds nothing.
    public init(
        configuration: RuleConfiguration = RuleConfiguration(), batchRules includeBatchRules: Bool = true,
        providers: ProviderIndex? = nil
    ) {
        self.providers = providers
        accountRules = RuleCatalog.rules.compactMap { rule in
            configuration.severity(of: type(of: rule).description.identifier, default: type(of: rule).description.severity)
                .map { (rule, $0) }
        }
        batchRules = (includeBatchRules ? RuleCatalog.batchRules : []).compactMap { type in
            configuration.severity(of: type.description.identifier, default: type.description.severity)
                .map { (type.init(), $0) }
        }
    }

    public mutating func validate(_ account: consuming MailAccount, source: SourceReference) -> [Finding] {
        var findings: [Finding] = []
        let facts = AccountFacts(account, providers: providers)
        for index in accountRules.indices {
            let found = accountRules[index].rule.validate(facts, severity: accountRules[index].severity)
            if !found.isEmpty { findings += found }
        }
        for index in batchRules.indices {
            let severity = batchRules[index].severity
            findings += batchRules[index].rule.validate(facts.account, source: source, severity: severity)
        }
        return findings
    }
}
