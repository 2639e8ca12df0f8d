import MailModel

/// `archive-days-invalid`: a negative number of days to keep archived mail.
struct ArchiveDaysInvalidRule: AccountRule {
    static let description = RuleDescription(
        identifier: "archive-days-invalid",
        severity: .error,
        rationale: "\"Delete after N days\" takes 0 (never) or a positive number; anything else deletes at once or never, "
            + "depending on the system.",
        fix: "Enter 0 for never, or the number of days.",
        triggeringExamples: [[.archiveEnabled: "true", .archiveDeleteAfterDays: "-30"]],
        nonTriggeringExamples: [
            [.archiveEnabled: "true", .archiveDeleteAfterDays: "0"], [.archiveEnabled: "true", .archiveDeleteAfterDays: "365"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        guard case .days(let days) = facts.account.archive.deleteAfterDays, days < 0 else { return [] }
        return [finding(severity, .archiveDeleteAfterDays, "archive keeps mail for \(days) days")]
    }
}
