import MailModel

/// `unknown-value`: a value the source held that its system does not define,
/// kept raw by the importer instead of being guessed.
struct UnknownValueRule: AccountRule {
    static let description = RuleDescription(
        identifier: "unknown-value",
        severity: .error,
        rationale: "An undefined value (a security word, protocol or auth type the system does not know) "
            + "means the account's behaviour after migration is a guess.",
        fix: "Replace it with one of the defined values.",
        triggeringExamples: [
            [.incomingSecurity: "SSL/TLS"],
            [.incomingProtocol: "exchange"],
            [.outgoingAuth: "cram-md5"],
            [.archiveDeleteAfterDays: "nie"],
        ],
        nonTriggeringExamples: [
            [.incomingSecurity: "tls", .incomingProtocol: "imap", .outgoingAuth: "oauth2"],
            [.archiveDeleteAfterDays: "30"],
        ])

    func validate(_ account: MailAccount, severity: Severity) -> [Finding] {
        var findings: [Finding] = []
        for field in CanonicalField.ordered {
            guard case .enumeration(let words) = field.kind else { continue }
            let text = field.text(in: account)
            if !text.isEmpty && !words.contains(text) {
                findings.append(
                    finding(
                        severity, field, "\(field.name) is '\(text)', which is not one of: \(words.joined(separator: ", "))"))
            }
        }
        if case .unrecognized(let raw) = account.archive.deleteAfterDays {
            findings.append(
                finding(severity, .archiveDeleteAfterDays, "archive_delete_after_days is '\(raw)', not a number of days"))
        }
        return findings
    }
}
