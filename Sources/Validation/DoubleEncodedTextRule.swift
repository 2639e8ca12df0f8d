import MailModel

/// `double-encoded-text`: text that was decoded once too often ("MÃ¼ller"
/// for "Müller"), which the target shows to every recipient as it is.
struct DoubleEncodedTextRule: AccountRule {
    static let description = RuleDescription(
        identifier: "double-encoded-text",
        severity: .warning,
        rationale: "UTF-8 read as Windows-1252 and saved again shows as \"MÃ¼ller\" for \"Müller\" in every "
            + "sender name, signature and autoresponder after the migration.",
        fix: "Correct the text, or export the source again in its real character set: an OpenXE table in latin1 "
            + "that holds UTF-8 is dumped with `mysqldump --default-character-set=latin1`, whose UTF-8 values "
            + "mailmigrate keeps as UTF-8; or let `mailmigrate run --repair-double-encoding` store what it should read.",
        triggeringExamples: [
            [.displayName: "MÃ¼ller GmbH"],
            [.signatureHTML: "<p>Mit freundlichen GrÃ¼ÃŸen</p>"],
            [.autoresponderSubject: "Danke â€“ wir melden uns"],
            [.incomingSentFolder: "INBOX.Gesendete Elemente", .incomingDraftsFolder: "EntwÃ¼rfe"],
        ],
        nonTriggeringExamples: [
            [.displayName: "Müller GmbH", .outgoingSenderName: "Café Größe", .signatureHTML: "<p>Grüße – Ihr Team © 2026</p>"],
            [.description: "Ångström ½ Preis", .autoresponderText: "€ 5,– „Angebot“"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        let account = facts.account
        var findings: [Finding] = []
        func check(_ field: CanonicalField, _ text: String) {
            guard let meant = DoubleEncoding.repaired(text) else { return }
            let quote = DoubleEncoding.quoted(text, meant: meant)
            let reading = quote.meant.map { " should read \"\($0)\"" } ?? ""
            findings.append(finding(severity, field, "\(field.name) looks double-encoded: \"\(quote.damaged)\"\(reading)"))
        }
        check(.displayName, account.identity.displayName)
        check(.description, account.identity.description)
        check(.outgoingSenderName, account.outgoing.senderName)
        check(.incomingSentFolder, account.incoming.sentFolder)
        check(.incomingDraftsFolder, account.incoming.draftsFolder)
        check(.incomingTrashFolder, account.incoming.trashFolder)
        check(.autoresponderSubject, account.autoresponder.subject)
        check(.autoresponderText, account.autoresponder.text)
        check(.signatureHTML, account.signature.html)
        return findings
    }
}
