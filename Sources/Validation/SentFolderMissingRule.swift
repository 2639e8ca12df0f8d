import MailModel

/// `sent-folder-missing`: copy to sent is on, but there is no sent folder.
struct SentFolderMissingRule: AccountRule {
    static let description = RuleDescription(
        identifier: "sent-folder-missing",
        severity: .warning,
        rationale: "Without a folder name the copy of sent mail fails or lands in a folder the users never see.",
        fix: "Enter the IMAP sent folder (e.g. INBOX.Sent, Gesendet, Gesendete Elemente).",
        triggeringExamples: [[.incomingProtocol: "imap", .incomingHost: "h", .incomingCopyToSent: "true"]],
        nonTriggeringExamples: [
            [.incomingProtocol: "imap", .incomingHost: "h", .incomingCopyToSent: "true", .incomingSentFolder: "INBOX.Sent"],
            [.incomingProtocol: "imap", .incomingHost: "h", .incomingCopyToSent: "false"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        guard facts.account.incoming.copyToSent, BlankText.isBlank(facts.account.incoming.sentFolder) else { return [] }
        return [finding(severity, .incomingSentFolder, "sent mail is to be copied, but no sent folder is set")]
    }
}
