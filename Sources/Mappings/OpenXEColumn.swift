import MailModel

/// One column of an OpenXE table and how it maps to the canonical account,
/// both ways. Reading and writing use the same entry, so an export to OpenXE
/// is the exact inverse of an import from it.
///
/// Values are the column's text as MariaDB holds it (`"993"`, `"inbox.sent"`),
/// nil for SQL `NULL`.
public struct OpenXEColumn: Sendable {
    /// How the column is written in SQL.
    public enum Kind: Sendable {
        /// A number, written without quotes.
        case integer
        /// A string or date, written as a quoted literal.
        case text
    }

    public let name: String
    public let kind: Kind
    /// Whether the column may be NULL; an empty value is then written as NULL
    /// (OpenXE treats both alike).
    public let nullable: Bool
    let read: @Sendable (String?, inout MailAccount) throws(OpenXEValueError) -> Void
    let write: @Sendable (MailAccount) -> String?

    init(
        _ name: String, _ kind: Kind, nullable: Bool = false,
        read: @escaping @Sendable (String?, inout MailAccount) throws(OpenXEValueError) -> Void,
        write: @escaping @Sendable (MailAccount) -> String?
    ) {
        self.name = name
        self.kind = kind
        self.nullable = nullable
        self.read = read
        self.write = write
    }

    /// The value this column gets for `account`, nil for NULL.
    public func value(for account: MailAccount) -> String? {
        let value = write(account)
        if nullable, value == "" { return nil }
        return value
    }
}

/// A column value the mapping cannot turn into the canonical field: a port
/// that is not a number. The row is rejected with this reason.
public struct OpenXEValueError: Error, Sendable, Equatable, CustomStringConvertible {
    public let column: String
    public let value: String
    public let expected: String

    public init(column: String, value: String, expected: String) {
        self.column = column
        self.value = value
        self.expected = expected
    }

    public var description: String { "column \(column): expected \(expected), found '\(value)'" }
}
