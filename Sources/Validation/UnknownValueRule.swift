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

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        var findings: [Finding] = []
        // The model keeps a word it does not know as `unrecognized`: look at those directly.
        func check(_ field: CanonicalField, _ word: String?) {
            guard let word, case .enumeration(let words) = field.kind else { return }
            findings.append(
                finding(severity, field, "\(field.name) is '\(word)', which is not one of: \(words.joined(separator: ", "))"))
        }
        let account = facts.account
        check(.incomingProtocol, account.incoming.protocolKind?.unrecognizedWord)
        check(.incomingSecurity, account.incoming.security?.unrecognizedWord)
        check(.incomingAuth, account.incoming.authentication?.unrecognizedWord)
        check(.incomingOAuthProvider, account.incoming.oauthProvider?.unrecognizedWord)
        check(.outgoingMethod, account.outgoing.method?.unrecognizedWord)
        check(.outgoingSecurity, account.outgoing.security?.unrecognizedWord)
        check(.outgoingAuth, account.outgoing.authentication?.unrecognizedWord)
        check(.outgoingOAuthProvider, account.outgoing.oauthProvider?.unrecognizedWord)
        if case .unrecognized(let word) = account.archive.deleteAfterDays {
            findings.append(
                finding(severity, .archiveDeleteAfterDays, "archive_delete_after_days is '\(word)', not a number of days"))
        }
        return findings
    }
}
