/// A password or OAuth parameter. Its value never appears in `description`,
/// `debugDescription`, `dump()` or string interpolation; reading it takes an
/// explicit call to `revealed()`, so that a secret cannot leak by accident into
/// a log line, an error or a report.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let value: String

    public init(_ value: String) { self.value = value }

    /// The secret's value. Call this only where the value must leave the
    /// process on purpose: a login, or an export the user asked secrets for.
    public func revealed() -> String { value }

    /// True when there is no secret at all (an empty password field).
    public var isEmpty: Bool { value.isEmpty }

    /// What a secret shows in place of its value.
    public static let marker = "<redacted>"

    public var description: String { value.isEmpty ? "" : Secret.marker }
    public var debugDescription: String { "Secret(\(value.isEmpty ? "empty" : Secret.marker))" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
