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
        guard facts.account.ticket.enabled, facts.account.autoresponder.enabled,
            !Self.containsTicketMarker(facts.account.autoresponder.subject)
        else { return [] }
        return [finding(severity, .autoresponderSubject, "tickets are on, but the autoresponder subject has no #{TICKET}")]
    }

    private static let marker = Array("#{TICKET}".utf8)

    /// Whether the subject holds `#{TICKET}`, searched as bytes.
    static func containsTicketMarker(_ subject: String) -> Bool {
        let bytes = Array(subject.utf8)
        guard bytes.count >= marker.count else { return false }
        for start in 0...(bytes.count - marker.count) where bytes[start] == UInt8(ascii: "#") {
            if bytes[start..<(start + marker.count)].elementsEqual(marker) { return true }
        }
        return false
    }
}
