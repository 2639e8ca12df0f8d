import MailModel

/// The store's tables, and the migrations that bring an older database file
/// up to date. `PRAGMA user_version` holds the number of migrations applied.
enum StoreSchema {
    /// Account columns: one per canonical field, named as in canonical CSV.
    static var accountColumns: String {
        CanonicalField.ordered.map { field -> String in
            switch field.kind {
            case .integer, .boolean: "\"\(field.name)\" INTEGER"
            default: "\"\(field.name)\" TEXT"
            }
        }.joined(separator: ",\n    ")
    }

    /// `accounts` holds the canonical fields only, one column each, for people
    /// to query; `account_state` holds the bookkeeping (natural key, hashes,
    /// first and last run), so that a re-run that finds an account unchanged
    /// rewrites one narrow row, not the account.
    ///
    /// Migration n (1-based) brings a database from version n-1 to n.
    static var migrations: [StoreMigration] {
        [
            .sql("""
            CREATE TABLE runs(
                id INTEGER PRIMARY KEY,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                sources TEXT NOT NULL,
                records_read INTEGER NOT NULL DEFAULT 0,
                accounts_new INTEGER NOT NULL DEFAULT 0,
                accounts_updated INTEGER NOT NULL DEFAULT 0,
                accounts_unchanged INTEGER NOT NULL DEFAULT 0,
                rejected INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE accounts(
                id INTEGER PRIMARY KEY,
                \(accountColumns)
            );
            CREATE TABLE account_state(
                account_id INTEGER PRIMARY KEY REFERENCES accounts(id),
                natural_key TEXT NOT NULL,
                key_hash INTEGER NOT NULL,
                content_hash INTEGER NOT NULL,
                first_seen_run INTEGER NOT NULL REFERENCES runs(id),
                last_seen_run INTEGER NOT NULL REFERENCES runs(id),
                last_source TEXT NOT NULL
            );
            CREATE INDEX account_state_by_key_hash ON account_state(key_hash);
            CREATE TABLE rejects(
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES runs(id),
                source TEXT NOT NULL,
                file TEXT NOT NULL,
                line INTEGER,
                reason TEXT NOT NULL
            );
            CREATE INDEX rejects_by_run ON rejects(run_id);
            CREATE TABLE findings(
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES runs(id),
                account_id INTEGER REFERENCES accounts(id),
                source TEXT NOT NULL,
                rule TEXT NOT NULL,
                severity TEXT NOT NULL,
                field TEXT,
                message TEXT NOT NULL,
                fix TEXT
            );
            CREATE INDEX findings_by_run ON findings(run_id);
            CREATE TABLE probe_results(
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES runs(id),
                account_id INTEGER REFERENCES accounts(id),
                service TEXT NOT NULL,
                host TEXT NOT NULL,
                port INTEGER,
                security TEXT,
                status TEXT NOT NULL,
                detail TEXT,
                tls_version TEXT,
                tls_cipher TEXT,
                certificate_subject TEXT,
                certificate_expiry TEXT,
                capabilities TEXT,
                auth_mechanisms TEXT,
                timings TEXT,
                tested_at TEXT NOT NULL
            );
            CREATE INDEX probe_results_by_run ON probe_results(run_id);
            """),
            // 2: records left out on purpose (rows deleted in their system).
            .sql("ALTER TABLE runs ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;"),
            // 3: natural keys with the address's domain and the host in ASCII.
            .upgradeNaturalKeys,
        ]
    }
}
