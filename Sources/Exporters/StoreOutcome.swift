/// What storing one account did.
public enum StoreOutcome: Sendable, Equatable {
    /// A new account.
    case inserted(id: Int64)
    /// An existing account whose fields changed.
    case updated(id: Int64)
    /// An existing account with the same fields; only its last-seen run moved.
    case unchanged(id: Int64)
    /// The same account (natural key) was already stored in this run, from
    /// `firstSource`: the record is not stored again and counts as a reject.
    case duplicateInRun(firstSource: String)
}
