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

    /// What pairing needs of one target account.
    private struct Target {
        let email: String
        let incoming: IncomingServer
    }

    private var targets: [Target] = []
    private var byAddress: [String: Int] = [:]
    private var used = Set<String>()

    /// The target accounts are taken in first (`addTarget`), then each source
    /// account is paired as it is read (`pair`): only the target side is
    /// held, and of each target only its address and incoming server.
    public init() {}

    public mutating func addTarget(_ account: borrowing MailAccount) {
        let email = account.identity.email
        guard !email.isEmpty else { return }
        let key = email.lowercased()
        if byAddress[key] == nil { byAddress[key] = targets.count }
        targets.append(Target(email: email, incoming: account.incoming))
    }

    /// A source account's line, or why it has none.
    public enum Pairing: Sendable, Equatable {
        case line(Line)
        case leftOut(LeftOut)
    }

    public mutating func pair(_ source: borrowing MailAccount) -> Pairing {
        let key = source.identity.email.lowercased()
        let email = source.identity.email.isEmpty ? "(no address)" : source.identity.email
        guard !key.isEmpty, let index = byAddress[key] else {
            return .leftOut(LeftOut(email: email, reason: "no target account with this address"))
        }
        used.insert(key)
        let s = source.incoming
        let t = targets[index].incoming
        if let problem = Self.problem(source: s, target: t) { return .leftOut(LeftOut(email: email, reason: problem)) }
        let fields = [s.host, s.userName, s.password.revealed(), t.host, t.userName, t.password.revealed()]
        return .line(Line(email: source.identity.email, text: fields.joined(separator: ";") + ";"))
    }

    /// Target addresses without a source account, in the targets' order.
    public var unpairedTargets: [String] {
        targets.map(\.email).filter { !used.contains($0.lowercased()) }
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
