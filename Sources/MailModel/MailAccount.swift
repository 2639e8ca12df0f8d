/// One e-mail account in the canonical form that every importer produces and
/// every exporter consumes. It holds every field any supported system knows;
/// what has no home here is kept verbatim in `extras`, so nothing a source
/// held is lost on the way through.
public struct MailAccount: Sendable, Hashable {
    public var identity = AccountIdentity()
    public var incoming = IncomingServer()
    public var outgoing = OutgoingServer()
    public var roles = AccountRoles()
    public var ticket = TicketSettings()
    public var archive = ArchiveSettings()
    public var autoresponder = Autoresponder()
    public var signature = Signature()
    public var importFilter = ImportFilter()
    public var erp = ErpReferences()
    /// Source fields without a home above, by their source name, in source order.
    public var extras: [ExtraField] = []

    public init() {}
}

/// A source field the canonical model has no place for, kept as it was read.
public struct ExtraField: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Whether the field's name says it holds a secret (`Passwort`,
    /// `smtp_password`, `Kennwort`, `token`, `authparam`, …). Such values are
    /// treated like passwords: redacted in default exports, never quoted.
    public var isSecret: Bool { ExtraField.namesSecret(name) }

    public static func namesSecret(_ name: String) -> Bool {
        let folded = name.foldedForComparison()
        return ["passw", "kennw", "secret", "token", "authparam", "credential"].contains { folded.contains($0) }
    }
}
