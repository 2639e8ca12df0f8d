import MailModel

/// `invalid-address`: a mailbox or sender address that is not an address.
struct InvalidAddressRule: AccountRule {
    static let description = RuleDescription(
        identifier: "invalid-address",
        severity: .error,
        rationale: "A malformed address cannot receive or send mail; servers refuse it as a sender.",
        fix: "Correct the address (name@domain.tld).",
        triggeringExamples: [
            [.email: "info.example.de"],
            [.email: "info@example"],
            [.email: "in fo@example.de"],
            [.email: "info@example.de", .outgoingSenderAddress: "@example.de"],
            [.email: "info\n@example.de"],
            [.email: "info(at)@example.de"],
        ],
        nonTriggeringExamples: [
            [.email: "info@example.de"],
            [.email: "jürgen.köhler@müller-bau.de"],
            [.email: "info@example.de", .outgoingSenderAddress: "vertrieb@example.de"],
            [.email: "o'brien+news@example.de", .outgoingSenderAddress: "\"info(at)\"@example.de"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        var findings: [Finding] = []
        func check(_ field: CanonicalField, _ address: String) {
            // An empty or blank address is missing-address's to report (the account's own) or unset (a sender address).
            guard !BlankText.isBlank(address), let problem = MailSyntax.addressProblem(address) else { return }
            findings.append(finding(severity, field, "\(field.name) '\(address)' \(problem)"))
        }
        check(.email, facts.account.identity.email)
        check(.outgoingSenderAddress, facts.account.outgoing.senderAddress)
        return findings
    }
}
