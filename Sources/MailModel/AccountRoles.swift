/// What an account may be used for and who may use it (celanio's Absender,
/// Antwort and Global flags, CRM "Privatkonto von", Xentral "Nur sichtbar für").
public struct AccountRoles: Sendable, Hashable {
    public var usableAsSender = false
    public var usableAsReplyTo = false
    /// Usable across clients/tenants ("Global").
    public var global = false
    /// The user the account is private to; empty when it is shared.
    public var privateOwner: String = ""
    /// Users who may see and use the account; empty means everybody.
    public var visibleToUsers: [String] = []
    /// User groups who may see and use the account.
    public var visibleToGroups: [String] = []
    /// The company-wide default sending account (OpenXE Grundeinstellungen).
    public var isDefault = false

    public init() {}
}
