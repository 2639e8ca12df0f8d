import MailModel

/// `delete-on-server`: fetched mail is deleted on the server.
struct DeleteOnServerRule: AccountRule {
    static let description = RuleDescription(
        identifier: "delete-on-server",
        severity: .warning,
        rationale: "After the migration the old and the new system may both fetch; whichever comes first deletes "
            + "the mail for the other. With tickets, a lost mail is a lost customer request.",
        fix: "Switch deleting off until the old system is shut down.",
        triggeringExamples: [
            [.incomingProtocol: "pop3", .incomingHost: "h", .incomingDeleteOnServer: "true"],
            [.incomingProtocol: "imap", .incomingHost: "h", .incomingDeleteOnServer: "true", .ticketEnabled: "true"],
        ],
        nonTriggeringExamples: [[.incomingProtocol: "imap", .incomingHost: "h", .incomingDeleteOnServer: "false"]])

    func validate(_ facts: AccountFacts, severity: Severity) -> [Finding] {
        guard facts.account.incoming.deleteOnServer else { return [] }
        if facts.account.ticket.enabled {
            return [finding(severity, .incomingDeleteOnServer, "mail is deleted on the server after import, and tickets are made from it: a lost mail is a lost request")]
        }
        return [finding(severity, .incomingDeleteOnServer, "mail is deleted on the server after it was fetched")]
    }
}
