import MailModel

/// `autoresponder-empty`: an autoresponder that is on but says nothing.
struct AutoresponderEmptyRule: AccountRule {
    static let description = RuleDescription(
        identifier: "autoresponder-empty",
        severity: .warning,
        rationale: "An enabled autoresponder without subject or text sends empty mails to every customer.",
        fix: "Write the answer, or switch the autoresponder off.",
        triggeringExamples: [
            [.autoresponderEnabled: "true"],
            [.autoresponderEnabled: "true", .autoresponderSubject: "Danke", .autoresponderText: "  "],
        ],
        nonTriggeringExamples: [
            [.autoresponderEnabled: "true", .autoresponderSubject: "Danke", .autoresponderText: "<p>Wir melden uns.</p>"],
            [.autoresponderEnabled: "false"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        let a = facts.account.autoresponder
        guard a.enabled else { return [] }
        var findings: [Finding] = []
        if BlankText.isBlank(a.subject) { findings.append(finding(severity, .autoresponderSubject, "autoresponder is on, but its subject is empty")) }
        if BlankText.isBlank(a.text) { findings.append(finding(severity, .autoresponderText, "autoresponder is on, but its text is empty")) }
        return findings
    }
}
