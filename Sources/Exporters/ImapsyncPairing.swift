import MailModel

/// imapsync's batch file pairs each source mailbox with its target mailbox:
/// `host1;user1;password1;host2;user2;password2;`. Accounts are paired by
/// e-mail address (ignoring case); an address on one side only is listed,
/// not guessed.
public struct ImapsyncPairing {
    public struct Line: Sendable, Equatable {
        public let email: String
        public let text: String
    }

    public private(set) var lines: [Line] = []
    /// Source addresses without a target account, and target addresses without a source.
    public private(set) var unpairedSources: [String] = []
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
            guard !key.isEmpty, let target = byAddress[key] else {
                unpairedSources.append(source.identity.email.isEmpty ? "(no address)" : source.identity.email)
                continue
            }
            used.insert(key)
            let s = source.incoming
            let t = target.incoming
            let fields = [s.host, s.userName, s.password.revealed(), t.host, t.userName, t.password.revealed()]
            lines.append(Line(email: source.identity.email, text: fields.joined(separator: ";") + ";"))
        }
        unpairedTargets = targets.map(\.identity.email).filter { !$0.isEmpty && !used.contains($0.lowercased()) }
    }

    /// A field imapsync cannot read (its separator or a line break inside).
    public static func unwritable(_ text: String) -> Bool { text.contains(";") || text.contains("\n") || text.contains("\r") }
}
