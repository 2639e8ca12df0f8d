import MailModel

/// What a rule is: a stable id, a default severity, a one-line rationale, a
/// fix hint, and examples of accounts that trigger it and accounts that do not.
/// The examples are the rule's tests: one test runs every rule's examples, so a
/// rule without them cannot exist.
public struct RuleDescription: Sendable {
    public let identifier: String
    public let severity: Severity
    public let rationale: String
    public let fix: String
    public let triggeringExamples: [Example]
    public let nonTriggeringExamples: [Example]
    /// The provider database the examples are checked with (rules that
    /// compare with what a provider publishes).
    public let exampleProviders: [MailProvider]

    public init(
        identifier: String, severity: Severity, rationale: String, fix: String,
        triggeringExamples: [Example], nonTriggeringExamples: [Example], exampleProviders: [MailProvider] = []
    ) {
        self.exampleProviders = exampleProviders
        self.identifier = identifier
        self.severity = severity
        self.rationale = rationale
        self.fix = fix
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}

/// An example account, written as canonical field texts (the canonical CSV
/// columns), so that examples read like rows of a spreadsheet.
public struct Example: Sendable, ExpressibleByDictionaryLiteral {
    public let fields: [(CanonicalField, String)]

    public init(dictionaryLiteral elements: (CanonicalField, String)...) { fields = elements }

    public init(_ fields: KeyValuePairs<CanonicalField, String>) { self.fields = fields.map { ($0.key, $0.value) } }

    /// The example as an account. Examples are written by us; one that does
    /// not read is a programming error caught by the examples test.
    public func account() throws(FieldValueError) -> MailAccount {
        var account = MailAccount()
        for (field, text) in fields { try field.assign(text, to: &account) }
        return account
    }
}
