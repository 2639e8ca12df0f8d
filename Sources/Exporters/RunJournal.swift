/// How a run's transaction is journaled (see `AccountStore.beginRun`).
public enum RunJournal: String, Sendable {
    /// A rollback journal: the run was the only connection, so it wrote its
    /// new pages once. The database returns to WAL after the run.
    case rollback
    /// The write-ahead log: another connection had the database open.
    case writeAheadLog = "wal"
}
