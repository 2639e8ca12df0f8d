import MailModel

/// One column of an OpenXE table and how it maps to the canonical account,
/// both ways. Reading and writing use the same entry, so an export to OpenXE
/// is the exact inverse of an import from it.
///
/// Values are the column's text as MariaDB holds it (`"993"`, `"inbox.sent"`),
/// nil for SQL `NULL`.
///
/// A class, though immutable: a row reads 42 columns, and taking a struct
/// column out of the table copied its name and both closures each time.
public final class OpenXEColumn: Sendable {
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
    let reading: Reading
    /// How the column reads its value (nil: NULL): an `.other` column's own
    /// closure; a field column's reads through `reading`.
    private let readText: @Sendable (String?, inout MailAccount) throws(OpenXEValueError) -> Void
    /// `readText` for a value given as UTF-8 (checked by the caller), which
    /// makes no String where the column needs none (a switch, a number).
    /// Not optional: an optional closure is copied, and its context retained
    /// and released, each time it is unwrapped.
    private let readUTF8: @Sendable (UnsafeBufferPointer<UInt8>?, inout MailAccount) throws(OpenXEValueError) -> Void
    let write: @Sendable (MailAccount) -> String?
    /// The values known to come back unchanged from the canonical fields
    /// without reading them and writing them again (see `givesBack`).
    let exactValues: ExactValues

    /// How a column's value becomes canonical fields. Most columns hold one
    /// field as it is: they name it, and are read and written through it (a
    /// pair of get and set closures could name two different fields).
    enum Reading: Sendable {
        /// Text as it is into a text field; NULL reads as empty.
        case text(CanonicalField)
        /// An `int(1)` switch: `0`, empty or NULL off, anything else on.
        case flag(CanonicalField)
        /// An id of another OpenXE record, kept as text; `0` or NULL means none.
        case reference(CanonicalField)
        /// Anything else: the column's own closures.
        case other
    }

    /// A column read by its own closures.
    init(
        _ name: String, _ kind: Kind, nullable: Bool = false, exactValues: ExactValues = .checkedAfterReading,
        read: @escaping @Sendable (String?, inout MailAccount) throws(OpenXEValueError) -> Void,
        readUTF8: (@Sendable (UnsafeBufferPointer<UInt8>?, inout MailAccount) throws(OpenXEValueError) -> Void)? = nil,
        write: @escaping @Sendable (MailAccount) -> String?
    ) {
        self.name = name
        self.kind = kind
        self.nullable = nullable
        self.exactValues = exactValues
        self.reading = .other
        self.readText = read
        if let readUTF8 {
            self.readUTF8 = readUTF8
        } else {
            self.readUTF8 = { (value: UnsafeBufferPointer<UInt8>?, account: inout MailAccount) throws(OpenXEValueError) in
                try read(value.map(CheckedUTF8.string), &account)
            }
        }
        self.write = write
    }

    /// A column that holds one canonical field as `reading` says.
    init(_ name: String, _ kind: Kind, nullable: Bool = false, exactValues: ExactValues, reading: Reading,
         write: @escaping @Sendable (MailAccount) -> String?) {
        self.name = name
        self.kind = kind
        self.nullable = nullable
        self.exactValues = exactValues
        self.reading = reading
        self.readText = { (value: String?, account: inout MailAccount) throws(OpenXEValueError) in
            _ = reading.assign(value, to: &account)
        }
        self.readUTF8 = { (value: UnsafeBufferPointer<UInt8>?, account: inout MailAccount) throws(OpenXEValueError) in
            _ = reading.assign(utf8: value, to: &account)
        }
        self.write = write
    }

    /// Sets the fields this column holds from its value (nil: NULL).
    func read(_ value: String?, into account: inout MailAccount) throws(OpenXEValueError) {
        if reading.assign(value, to: &account) { return }
        try readText(value, &account)
    }

    /// `read(_:into:)` for a value given as UTF-8 checked by the caller.
    func read(utf8 value: UnsafeBufferPointer<UInt8>?, into account: inout MailAccount) throws(OpenXEValueError) {
        if reading.assign(utf8: value, to: &account) { return }
        try readUTF8(value, &account)
    }

    /// Which of a column's values are known to come back unchanged when they
    /// are read into an account and written again. Reading keeps a raw value
    /// only where it would not; for a column whose field holds its text as it
    /// is, knowing that saves writing the value again for every row.
    public enum ExactValues: Sendable {
        /// None is known: the value is written again and compared.
        case checkedAfterReading
        /// NULL and every valid `YYYY-MM-DD` date (written again digit for
        /// digit); anything else is compared: a date column no other column
        /// writes to.
        case isoDate
        /// Every value, NULL too (it reads as empty and an empty value is
        /// taken to be the same): a text column no other column writes to.
        case every
        /// Every value but the empty text, which comes back as NULL: a text
        /// column that may be NULL.
        case everyButEmpty
        /// `0` and `1`: a switch, which writes every other "on" as `1`.
        case zeroAndOne
        /// A decimal number as a number writes itself (no sign, no leading
        /// zero, at most 18 digits): a port.
        case decimal
        /// Digits (at most 18): a reference to another record, which keeps
        /// any number as it was written.
        case digits
    }

    /// Whether `value` is known to come back unchanged (false: not known).
    func givesBack(_ value: String?) -> Bool {
        guard var value else { return givesBack(utf8: nil) }
        return value.withUTF8 { givesBack(utf8: $0) }
    }

    /// `givesBack(_:)` for a value given as UTF-8 (nil: NULL).
    func givesBack(utf8 value: UnsafeBufferPointer<UInt8>?) -> Bool { exactValues.include(utf8: value) }

    fileprivate static func isDigits(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !value.isEmpty, value.count <= 18 else { return false }
        return value.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
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

extension OpenXEColumn.Reading {
    /// Sets the field a field column holds from its value (nil: NULL), and
    /// says so; false for `.other`, which its column's closures read.
    func assign(_ value: String?, to account: inout MailAccount) -> Bool {
        switch self {
        case .text(let field): field.assignText(value ?? "", to: &account)
        case .flag(let field): field.assignFlag(!(value == nil || value == "" || value == "0"), to: &account)
        case .reference(let field): field.assignText(value == "0" ? "" : value ?? "", to: &account)
        case .other: return false
        }
        return true
    }

    /// `assign(_:to:)` for a value given as UTF-8 checked by the caller. Called
    /// on a column's `reading` taken out of it, it holds no reference to
    /// the column while it makes a String.
    func assign(utf8 value: UnsafeBufferPointer<UInt8>?, to account: inout MailAccount) -> Bool {
        switch self {
        case .text(let field):
            field.assignText(value.map(CheckedUTF8.string) ?? "", to: &account)
        case .flag(let field):
            field.assignFlag(!(value == nil || value!.isEmpty || Self.isZero(value!)), to: &account)
        case .reference(let field):
            guard let value, !Self.isZero(value) else { field.assignText("", to: &account); return true }
            field.assignText(CheckedUTF8.string(value), to: &account)
        case .other:
            return false
        }
        return true
    }

    private static func isZero(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        value.count == 1 && value[0] == UInt8(ascii: "0")
    }
}

extension OpenXEColumn.ExactValues {
    /// Whether `value` (UTF-8; nil: NULL) is one of these. Asked of a
    /// column's `exactValues` taken out of it, it holds no reference to the
    /// column while it reads a date.
    func include(utf8 value: UnsafeBufferPointer<UInt8>?) -> Bool {
        // NULL reads as empty text, which a text column writes as NULL again.
        guard let value else { return self == .every || self == .everyButEmpty || self == .isoDate }
        switch self {
        case .checkedAfterReading: return false
        case .isoDate: return CalendarDate(isoUTF8: value) != nil
        case .every: return true
        case .everyButEmpty: return !value.isEmpty
        case .zeroAndOne: return value.count == 1 && (value[0] == UInt8(ascii: "0") || value[0] == UInt8(ascii: "1"))
        case .decimal: return OpenXEColumn.isDigits(value) && (value.count == 1 || value[0] != UInt8(ascii: "0"))
        case .digits: return OpenXEColumn.isDigits(value)
        }
    }
}
