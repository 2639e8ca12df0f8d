import MailModel

/// Validates the accounts of one batch (a run, a `validate` call) in order:
/// every account rule on each account, and the batch rules across them, as
/// the configuration says.
public struct BatchValidator: Sendable {
    private let accountRules: [(rule: any AccountRule, severity: Severity)]
    private var batchRules: [(rule: any BatchRule, severity: Severity)]

    public init(configuration: RuleConfiguration = RuleConfiguration()) {
        accountRules = RuleCatalog.rules.compactMap { rule in
            configuration.severity(of: type(of: rule).description.identifier, default: type(of: rule).description.severity)
                .map { (rule, $0) }
        }
        batchRules = RuleCatalog.batchRules.compactMap { type in
            configuration.severity(of: type.description.identifier, default: type.description.severity)
                .map { (type.init(), $0) }
        }
    }

    public mutating func validate(_ account: MailAccount, source: SourceReference) -> [Finding] {
        var findings: [Finding] = []
        for (rule, severity) in accountRules { findings += rule.validate(account, severity: severity) }
        for index in batchRules.indices {
            findings += batchRules[index].rule.validate(account, source: source, severity: batchRules[index].severity)
        }
        return findings
    }
}
