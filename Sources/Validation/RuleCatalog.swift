import MailModel

/// Every rule `mailmigrate` knows, in the order findings are reported.
public enum RuleCatalog {
    public static let rules: [any AccountRule] = [
        MissingHostRule(),
        InvalidHostRule(),
        MissingAddressRule(),
        InvalidAddressRule(),
        InvalidPortRule(),
        InvalidBccRule(),
        MissingUserRule(),
        PortSecurityMismatchRule(),
        CleartextConnectionRule(),
        PasswordOverCleartextRule(),
        SubmissionOnPort25Rule(),
        SenderMismatchRule(),
        ProviderRequiresOAuthRule(),
        OAuthWithPasswordRule(),
        OAuthProviderMismatchRule(),
        UnknownValueRule(),
        TicketWithoutIncomingRule(),
        DeleteOnServerRule(),
        SentFolderMissingRule(),
        AutoresponderTicketSubjectRule(),
        AutoresponderEmptyRule(),
        UnknownPlaceholderRule(),
        DoubleEncodedTextRule(),
        SignatureImageNotExternalRule(),
        ArchiveDaysInvalidRule(),
        ProviderSettingsDifferRule(),
    ]

    public static let batchRules: [any BatchRule.Type] = [DuplicateAccountRule.self, DuplicateSenderRule.self]

    /// One line per rule, for `mailmigrate rules` and for checking rules files.
    public struct Entry: Sendable {
        public let identifier: String
        public let severity: Severity
        public let rationale: String
        public let fix: String
        public let batch: Bool
    }

    public static var entries: [Entry] {
        rules.map {
            let d = type(of: $0).description
            return Entry(identifier: d.identifier, severity: d.severity, rationale: d.rationale, fix: d.fix, batch: false)
        }
            + batchRules.map {
                let d = $0.description
                return Entry(identifier: d.identifier, severity: d.severity, rationale: d.rationale, fix: d.fix, batch: true)
            }
    }

    public static var identifiers: [String] { entries.map(\.identifier) }

    /// The findings of every rule for one account, at each rule's default severity.
    public static func validate(_ account: MailAccount) -> [Finding] {
        var findings: [Finding] = []
        let facts = AccountFacts(account)
        for rule in rules {
            findings += rule.validate(facts, severity: type(of: rule).description.severity)
        }
        return findings
    }
}
