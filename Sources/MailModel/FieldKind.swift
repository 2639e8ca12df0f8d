/// The shape of a canonical field's value, which decides how it is written as
/// text, stored in SQLite, and checked when read.
public enum FieldKind: Sendable, Hashable {
    /// Free text; empty means not set.
    case text
    /// A password or OAuth parameter: redacted unless secrets are asked for.
    case secret
    /// A whole number (ports); empty means not set.
    case integer
    /// `true` or `false` (also read: `1`/`0`, `yes`/`no`); empty means false.
    case boolean
    /// One of the listed words, or a raw value kept for validation to report.
    case enumeration([String])
    /// `YYYY-MM-DD`; empty means not set.
    case date
    /// Items separated by `;`, with `\;` and `\\` inside items.
    case list
    /// `name=value` items separated by `;`, escaped like a list (also `\=`).
    case map
}

/// Why a cell's text could not become a field's value.
public struct FieldValueError: Error, Sendable, Hashable, CustomStringConvertible {
    public let field: String
    public let text: String
    public let expected: String

    public init(field: String, text: String, expected: String) {
        self.field = field
        self.text = text
        self.expected = expected
    }

    public var description: String { "\(field): expected \(expected), got '\(text)'" }
}
