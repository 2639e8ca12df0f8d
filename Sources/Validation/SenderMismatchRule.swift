import MailModel

/// `sender-mismatch`: the sender address is of another domain than the mailbox and login.
struct SenderMismatchRule: AccountRule {
    static let description = RuleDescription(
        identifier: "sender-mismatch",
        severity: .warning,
        rationale: "Many SMTP servers let a login send only as addresses of its own domain, and SPF/DMARC "
            + "reject a sender domain the server may not send for.",
        fix: "Use a sender address of the mailbox's domain, or an SMTP account of the sender's domain.",
        triggeringExamples: [
            [.email: "versand@krueger-bau.de", .outgoingEnabled: "true", .outgoingHost: "h",
             .outgoingUser: "versand@krueger-bau.de", .outgoingSenderAddress: "info@krueger-logistik.com"],
            [.email: "jürgen@krueger-bau.de", .outgoingSenderAddress: "info@krueger-bau.de.example"],
        ],
        nonTriggeringExamples: [
            [.email: "versand@krueger-bau.de", .outgoingEnabled: "true", .outgoingHost: "h",
             .outgoingUser: "versand@krueger-bau.de", .outgoingSenderAddress: "info@krueger-bau.de"],
            [.email: "versand@krueger-bau.de", .outgoingEnabled: "true", .outgoingHost: "h"],
            [.email: "jürgen@Krueger-Bau.DE", .outgoingSenderAddress: "info@krueger-bau.de"],
            [.email: "info@BÄCKEREI-schulz.de", .outgoingSenderAddress: "laden@bäckerei-schulz.de"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        let sender = facts.account.outgoing.senderAddress
        guard !sender.isEmpty, !MailSyntax.haveSameASCIIDomain(sender, facts.account.identity.email),
            let senderDomain = MailSyntax.domain(of: sender),
            let mailboxDomain = MailSyntax.domain(of: facts.account.identity.email), senderDomain != mailboxDomain
        else { return [] }
        var message = "sender address \(sender) is not of the mailbox's domain \(mailboxDomain)"
        if let loginDomain = MailSyntax.domain(of: facts.account.outgoing.userName), loginDomain != senderDomain {
            message += ", nor of the SMTP login's domain \(loginDomain)"
        }
        return [finding(severity, .outgoingSenderAddress, message)]
    }
}
