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
        let account = facts.account
        let i = account.incoming
        let o = account.outgoing
        // The model keeps a word it does not know as `unrecognized`: look at those directly.
        let raw: [(CanonicalField, String?)] = [
            (.incomingProtocol, i.protocolKind?.unrecognizedWord), (.incomingSecurity, i.security?.unrecognizedWord),
            (.incomingAuth, i.authentication?.unrecognizedWord), (.incomingOAuthProvider, i.oauthProvider?.unrecognizedWord),
            (.outgoingMethod, o.method?.unrecognizedWord), (.outgoingSecurity, o.security?.unrecognizedWord),
            (.outgoingAuth, o.authentication?.unrecognizedWord), (.outgoingOAuthProvider, o.oauthProvider?.unrecognizedWord),
        ]
        var findings: [Finding] = []
        for (field, word) in raw {
            guard let word, case .enumeration(let words) = field.kind else { continue }
            findings.append(
                finding(severity, field, "\(field.name) is '\(word)', which is not one of: \(words.joined(separator: ", "))"))
        }
        if case .unrecognized(let word) = account.archive.deleteAfterDays {
            findings.append(
                finding(severity, .archiveDeleteAfterDays, "archive_delete_after_days is '\(word)', not a number of days"))
        }
        return findings
    }
}
