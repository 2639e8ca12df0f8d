import MailModel

/// One thing a rule found wrong with an account: which rule, how bad, which
/// field, what is wrong, and how to fix it where that is known.
public struct Finding: Sendable, Hashable {
    public let rule: String
    public let severity: Severity
    public let field: CanonicalField?
    public let message: String
    public let fix: String?

    public init(rule: String, severity: Severity, field: CanonicalField?, message: String, fix: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.field = field
        self.message = message
        self.fix = fix
    }
}
