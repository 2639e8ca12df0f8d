/// One value of a row in a MySQL/MariaDB dump, as the dump wrote it. Strings
/// stay bytes (a dump is bytes, not text; binary columns hold anything) until
/// a mapping decodes the ones it uses.
public enum SQLValue: Sendable, Equatable {
    case null
    /// A number as written (`993`, `-1.5`, `1e3`).
    case number(String)
    /// A string literal with its escapes resolved; also `_binary '…'`.
    case string([UInt8])
    /// `0x…` or `X'…'`, as bytes.
    case hex([UInt8])
}
