import MailModel

/// Every rule `mailmigrate` knows, in the order findings are reported.
public enum RuleCatalog {
    public static let rules: [any AccountRule] = [
        MissingHostRule(),
        InvalidHostRule(),
        InvalidAddressRule(),
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
        SignatureImageNotExternalRule(),
        ArchiveDaysInvalidRule(),
    ]

    /// The findings of every rule for one account, at each rule's default severity.
    public static func validate(_ account: MailAccount) -> [Finding] {
        var findings: [Finding] = []
        for rule in rules {
            findings += rule.validate(account, severity: type(of: rule).description.severity)
        }
        return findings
    }
}
