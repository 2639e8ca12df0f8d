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
            [.autoresponderSubject: "{TICKE}"],
            [.signatureHTML: "<p>{ARBEITER}</p>"],
        ],
        nonTriggeringExamples: [
            [.autoresponderSubject: "#{TICKET} {BETREFF}", .signatureHTML: "<p>{MITARBEITER}<br>{MITARBEITER_TELEFON}</p>"],
            [.signatureHTML: "<p>{MITARBEITER_TELEFAX}</p>"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        var findings: [Finding] = []
        func check(_ field: CanonicalField, _ text: String, signature: Bool) {
            for name in Placeholders.unknownNames(in: text, forSignature: signature) {
                findings.append(finding(severity, field, "{\(name)} in \(field.name) is not a placeholder the system knows"))
            }
        }
        check(.autoresponderSubject, facts.account.autoresponder.subject, signature: false)
        check(.autoresponderText, facts.account.autoresponder.text, signature: false)
        check(.signatureHTML, facts.account.signature.html, signature: true)
        return findings
    }
}
