import MailModel

/// Binds an account row's field texts to a statement's parameters, in
/// place: the row's bytes must stay where they are until the statement is reset.
enum FieldBinding {
    static let kinds: [BindKind] = CanonicalField.ordered.map { BindKind($0.kind) }

    /// Binds the row's field texts to parameters `first`, `first + 1`, …, one
    /// per field in column order, leaving out the fields in `constant` (the
    /// statement writes those as `BindKind.emptyLiteral`; each must be empty
    /// in `row`).
    static func bindFields(
        of row: AccountRow, bytes base: UnsafePointer<UInt8>, to statement: SQLiteStatement, first: Int32 = 1,
        constant: FieldSet = []
    ) {
        row.ends.withUnsafeBufferPointer { ends in
            kinds.withUnsafeBufferPointer { kinds in
                var start = 0
                var parameter = first
                for index in 0..<AccountRow.fieldCount {
                    let end = Int(ends[index])
                    if !constant.contains(index) {
                        kinds[index].bind(base + start, end - start, to: statement, at: parameter)
                        parameter += 1
                    }
                    start = end
                }
            }
        }
    }
}

/// How a canonical field's text goes into its SQLite column and back:
/// booleans as 0/1, whole numbers as integers, not-set as NULL.
enum BindKind {
    case text, integer, boolean

    init(_ kind: FieldKind) {
        switch kind {
        case .integer: self = .integer
        case .boolean: self = .boolean
        default: self = .text
        }
    }

    /// What `bind` binds for an empty text, as SQL.
    var emptyLiteral: String { self == .boolean ? "0" : "NULL" }

    func bind(_ start: UnsafePointer<UInt8>, _ count: Int, to statement: SQLiteStatement, at index: Int32) {
        switch self {
        case .text:
            statement.bindStatic(index, start, count)
        case .boolean:
            // Canonical text is `true` or `false`.
            statement.bind(index, count == 4 && start[0] == UInt8(ascii: "t") ? 1 : 0)
        case .integer:
            if count == 0 {
                statement.bindNull(index)
            } else if let n = Self.integer(start, count) {
                statement.bind(index, n)
            } else {
                statement.bindStatic(index, start, count)  // a raw value the source held, kept for validation
            }
        }
    }

    private static func integer(_ start: UnsafePointer<UInt8>, _ count: Int) -> Int64? {
        guard count <= 18 else {
            return Int64(String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self))
        }
        var i = 0
        var negative = false
        if start[0] == UInt8(ascii: "-") {
            negative = true
            i = 1
            guard count > 1 else { return nil }
        }
        var n: Int64 = 0
        while i < count {
            let digit = start[i] &- 0x30
            guard digit < 10 else { return nil }
            n = n * 10 + Int64(digit)
            i += 1
        }
        return negative ? -n : n
    }

    func text(_ statement: SQLiteStatement, _ column: Int32) -> String {
        if statement.isNull(column) { return "" }
        switch self {
        case .text: return statement.text(column)
        case .boolean: return statement.int64(column) != 0 ? "true" : "false"
        case .integer: return statement.text(column)
        }
    }
}
