/// A set of canonical fields by their index in `CanonicalField.ordered`:
/// the fields an account row leaves empty, and those a statement writes as
/// constants.
struct FieldSet: OptionSet, Sendable {
    let rawValue: UInt64

    /// Every canonical field (`AppendBatch` checks that there are at most 64).
    static let all = FieldSet(rawValue: AccountRow.fieldCount >= 64 ? ~0 : (1 << UInt64(AccountRow.fieldCount)) - 1)

    func contains(_ index: Int) -> Bool { rawValue & (1 << UInt64(index)) != 0 }

    var count: Int { rawValue.nonzeroBitCount }
}
