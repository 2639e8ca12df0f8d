import MailModel

/// `unknown-placeholder`: a `{NAME}` the target system will not replace.
struct UnknownPlaceholderRule: AccountRule {
    static let description = RuleDescription(
        identifier: "unknown-placeholder",
        severity: .warning,
        rationale: "An unknown placeholder reaches the customer literally, e.g. \"Ihre Anfrage {TICKETNR}\".",
        fix: "Autoresponder: {TICKET}, {BETREFF}; signature: {MITARBEITER}, {MITARBEITER_TELEFON}, "
            + "{MITARBEITER_MOBIL}, {MITARBEITER_EMAIL}, {MITARBEITER_TELEFAX}.",
        triggeringExamples: [
            [.autoresponderSubject: "Anfrage #{TICKETNR}"],
            [.signatureHTML: "<p>{MITARBEITER_POSITION}</p>"],
        ],
        nonTriggeringExamples: [
            [.autoresponderSubject: "#{TICKET} {BETREFF}", .signatureHTML: "<p>{MITARBEITER}<br>{MITARBEITER_TELEFON}</p>"],
        ])

    func validate(_ account: MailAccount, severity: Severity) -> [Finding] {
        let texts: [(CanonicalField, String, Set<String>)] = [
            (.autoresponderSubject, account.autoresponder.subject, Placeholders.autoresponder),
            (.autoresponderText, account.autoresponder.text, Placeholders.autoresponder),
            (.signatureHTML, account.signature.html, Placeholders.signature),
        ]
        var findings: [Finding] = []
        for (field, text, known) in texts {
            for name in Placeholders.names(in: text) where !known.contains(name) {
                findings.append(finding(severity, field, "{\(name)} in \(field.name) is not a placeholder the system knows"))
            }
        }
        return findings
    }
}
