import MailModel

/// `invalid-bcc`: a BCC entry (OpenXE `bcc1`, `bcc2`) that is not an address.
struct InvalidBccRule: AccountRule {
    static let description = RuleDescription(
        identifier: "invalid-bcc",
        severity: .warning,
        rationale: "A malformed BCC address makes every sent mail bounce a copy, or the server refuses the mail.",
        fix: "Correct or remove the BCC address.",
        triggeringExamples: [[.outgoingBcc: "archiv@example.de;buchhaltung"]],
        nonTriggeringExamples: [[.outgoingBcc: "archiv@example.de"], [:]])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        facts.account.outgoing.bcc.compactMap { address in
            guard let problem = MailSyntax.addressProblem(address) else { return nil }
            return finding(severity, .outgoingBcc, "BCC '\(address)' \(problem)")
        }
    }
}
