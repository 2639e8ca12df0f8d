import MailModel

/// imapsync's batch file pairs each source mailbox with its target mailbox:
/// `host1;user1;password1;host2;user2;password2;`. Accounts are paired by
/// e-mail address (ignoring case); an address on one side only is listed,
/// not guessed. A pair imapsync could not use (a POP3 side, no host, user or
/// password, a `;` or line break in a field) is left out with its reason,
/// never written as a line that fails at migration time.
public struct ImapsyncPairing {
    public struct Line: Sendable, Equatable {
        public let email: String
        public let text: String
    }

    /// A source account without a line, and why.
    public struct LeftOut: Sendable, Equatable {
        public let email: String
        public let reason: String
    }

    public private(set) var lines: [Line] = []
    /// Source accounts left out, in their order.
    public private(set) var leftOut: [LeftOut] = []
    /// Target addresses without a source account.
    public private(set) var unpairedTargets: [String] = []

    public init(sources: [MailAccount], targets: [MailAccount]) {
        var byAddress: [String: MailAccount] = [:]
        for target in targets where !target.identity.email.isEmpty {
            let key = target.identity.email.lowercased()
            if byAddress[key] == nil { byAddress[key] = target }
        }
        var used = Set<String>()
        for source in sources {
            let key = source.identity.email.lowercased()
            let email = source.identity.email.isEmpty ? "(no address)" : source.identity.email
            guard !key.isEmpty, let target = byAddress[key] else {
                leftOut.append(LeftOut(email: email, reason: "no target account with this address"))
                continue
            }
            used.insert(key)
            if let problem = Self.problem(source: source, target: target) {
                leftOut.append(LeftOut(email: email, reason: problem))
                continue
            }
            let s = source.incoming
            let t = target.incoming
            let fields = [s.host, s.userName, s.password.revealed(), t.host, t.userName, t.password.revealed()]
            lines.append(Line(email: source.identity.email, text: fields.joined(separator: ";") + ";"))
        }
        unpairedTargets = targets.map(\.identity.email).filter { !$0.isEmpty && !used.contains($0.lowercased()) }
    }

    /// Why imapsync could not use the pair, or nil.
    static func problem(source: MailAccount, target: MailAccount) -> String? {
        for (side, account) in [("source", source), ("target", target)] {
            let incoming = account.incoming
            if incoming.protocolKind == .pop3 { return "the \(side) account is POP3, and imapsync copies IMAP mailboxes only" }
            if BlankText.isBlank(incoming.host) || BlankText.isBlank(incoming.userName) {
                return "the \(side) account has no incoming host or user"
            }
            if incoming.password.revealed().isEmpty { return "the \(side) account has no password to log in with (an OAuth account?)" }
        }
        let fields = [source.incoming.host, source.incoming.userName, source.incoming.password.revealed(),
                      target.incoming.host, target.incoming.userName, target.incoming.password.revealed()]
        if fields.contains(where: { $0.contains(";") || $0.contains("\n") || $0.contains("\r") }) {
            return "a host, user or password holds ';' or a line break, which imapsync files cannot"
        }
        return nil
    }
}
