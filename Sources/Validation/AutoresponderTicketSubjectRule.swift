import MailModel

/// `autoresponder-ticket-subject`: tickets on, autoresponder subject without `#{TICKET}`.
struct AutoresponderTicketSubjectRule: AccountRule {
    static let description = RuleDescription(
        identifier: "autoresponder-ticket-subject",
        severity: .warning,
        rationale: "Replies are matched to their ticket by '#' and the ticket number in the subject; "
            + "without #{TICKET} every reply opens a new ticket.",
        fix: "Put #{TICKET} in the autoresponder subject, e.g. \"Ihre Anfrage #{TICKET}: {BETREFF}\".",
        triggeringExamples: [
            [.ticketEnabled: "true", .autoresponderEnabled: "true", .autoresponderSubject: "Eingang: {BETREFF}",
             .autoresponderText: "x"],
            [.ticketEnabled: "true", .autoresponderEnabled: "true", .autoresponderSubject: "Ticket {TICKET}",
             .autoresponderText: "x"],
        ],
        nonTriggeringExamples: [
            [.ticketEnabled: "true", .autoresponderEnabled: "true", .autoresponderSubject: "Anfrage #{TICKET}"],
            [.ticketEnabled: "false", .autoresponderEnabled: "true", .autoresponderSubject: "Danke"],
        ])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        let account = facts.account
        guard account.ticket.enabled, account.autoresponder.enabled,
            !account.autoresponder.subject.contains("#{TICKET}")
        else { return [] }
        return [finding(severity, .autoresponderSubject, "tickets are on, but the autoresponder subject has no #{TICKET}")]
    }
}
