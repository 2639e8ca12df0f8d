/// Who an account is: its address, the name people see, and what the admin
/// wrote about it.
public struct AccountIdentity: Sendable, Hashable {
    /// The mailbox address ("E-Mail Adresse"). Kept as written.
    public var email: String = ""
    /// The display name ("Angezeigter Name").
    public var displayName: String = ""
    /// The internal description ("Interne Beschreibung").
    public var description: String = ""
    /// Where the account was first read from, kept across conversions
    /// (`samples/accounts.csv:4`, `dump.sql: emailbackup id=7`).
    public var origin: String = ""

    public init() {}
}
