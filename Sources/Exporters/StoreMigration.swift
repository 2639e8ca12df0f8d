import MailModel

/// One step that brings a store's database file from one schema version to
/// the next (see `StoreSchema.migrations`). Most are SQL; a change to what a
/// stored value means (the natural key) is made by the code that makes it.
enum StoreMigration: Sendable {
    /// Statements run as they are.
    case sql(String)
    /// Every natural key made before domains were taken in ASCII is made
    /// again as `NaturalKey` makes it now, with its hash. Only keys with
    /// bytes beyond ASCII can change. Two accounts whose keys become the
    /// same (one system's `müller.de`, another's `xn--mller-kva.de`) both
    /// stay: `validate` names them as `duplicate-account`, and later runs
    /// update the older.
    case upgradeNaturalKeys

    func apply(to db: SQLiteConnection) throws(StoreError) {
        switch self {
        case .sql(let statements):
            try db.execute(statements)
        case .upgradeNaturalKeys:
            // GLOB's class: any character but the key's separator (U+001F) and printable ASCII.
            let keys = try db.prepare(
                "SELECT account_id, natural_key FROM account_state WHERE natural_key GLOB '*[^' || char(31) || ' -~]*'")
            var changed: [(id: Int64, key: String)] = []
            while try keys.step() {
                let key = keys.text(1)
                let upgraded = NaturalKey.upgraded(key)
                if upgraded != key { changed.append((keys.int64(0), upgraded)) }
            }
            let update = try db.prepare("UPDATE account_state SET natural_key = ?, key_hash = ? WHERE account_id = ?")
            for (id, key) in changed {
                var hash = StableHash()
                hash.add(key)
                update.bind(1, key)
                update.bind(2, hash.int64)
                update.bind(3, id)
                defer { update.reset() }
                try update.step()
            }
        }
    }
}
