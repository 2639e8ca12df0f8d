import MailModel

/// imapsync's batch file pairs each source mailbox with its target mailbox:
/// `host1;user1;password1;host2;user2;password2;`. Accounts are paired by
/// e-mail address (ignoring case, see `ImapsyncTargetIndex`); an address on
/// one side only is listed, not guessed. A pair imapsync could not use (a
/// POP3 side, no host, user or password, a `;` or line break in a field) is
/// left out with its reason, never written as a line that fails at migration
/// time.
public enum ImapsyncPairing {
    public struct Line: Sendable, Equatable {
        public let email: String
        public let text: String
    }

    /// A source account without a line, and why; the account is named by
    /// its address and where it was read from (`info@example.de (old.csv:2)`).
    public struct LeftOut: Sendable, Equatable {
        public let account: String
        public let reason: String
    }

    /// A source account's line, or why it has none.
    public enum Pairing: Sendable, Equatable {
        case line(Line)
        case leftOut(LeftOut)
    }

    /// The line of a source account and the target account of the same
    /// address (nil when the target side has none), or why there is none.
    public static func pair(_ source: borrowing MailAccount, with target: borrowing MailAccount?) -> Pairing {
        guard !source.identity.email.isEmpty, let target = copy target else {
            return .leftOut(LeftOut(account: AccountLabel.of(copy source), reason: "no target account with this address"))
        }
        let s = source.incoming
        let t = target.incoming
        if let problem = Self.problem(source: s, target: t) {
            return .leftOut(LeftOut(account: AccountLabel.of(copy source), reason: problem))
        }
        let fields = [s.host, s.userName, s.password.revealed(), t.host, t.userName, t.password.revealed()]
        return .line(Line(email: source.identity.email, text: fields.joined(separator: ";") + ";"))
    }

    /// The warning for a target account no source account was paired with.
    public static func unpairedTarget(email: String, origin: String) -> String {
        (origin.isEmpty ? email : "\(email) (\(origin))") + ": a target account without a source account"
    }

    /// Why imapsync could not use the pair, or nil.
    static func problem(source: IncomingServer, target: IncomingServer) -> String? {
        for (side, incoming) in [("source", source), ("target", target)] {
            if incoming.protocolKind == .pop3 { return "the \(side) account is POP3, and imapsync copies IMAP mailboxes only" }
            if BlankText.isBlank(incoming.host) || BlankText.isBlank(incoming.userName) {
                return "the \(side) account has no incoming host or user"
            }
            if incoming.password.revealed().isEmpty { return "the \(side) account has no password to log in with (an OAuth account?)" }
        }
        let fields = [source.host, source.userName, source.password.revealed(),
                      target.host, target.userName, target.password.revealed()]
        if fields.contains(where: { $0.contains(";") || $0.contains("\n") || $0.contains("\r") }) {
            return "a host, user or password holds ';' or a line break, which imapsync files cannot"
        }
        return nil
    }
}
