import MailModel

/// `ticket-without-incoming`: tickets are on, but the account fetches no mail.
struct TicketWithoutIncomingRule: AccountRule {
    static let description = RuleDescription(
        identifier: "ticket-without-incoming",
        severity: .error,
        rationale: "Tickets are made from fetched mail; without an incoming server no ticket is ever created.",
        fix: "Enter the IMAP or POP3 settings, or switch tickets off.",
        triggeringExamples: [[.ticketEnabled: "true", .outgoingEnabled: "true", .outgoingHost: "smtp.example.de"]],
        nonTriggeringExamples: [[.ticketEnabled: "true", .incomingProtocol: "imap", .incomingHost: "imap.example.de"]])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        guard facts.account.ticket.enabled, facts.account.incoming.host.isEmpty else { return [] }
        return [finding(severity, .ticketEnabled, "tickets are on, but the facts.account has no incoming server")]
    }
}
