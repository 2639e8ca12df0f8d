import MailModel

/// The mapping between OpenXE's `emailbackup` table (one row per additional
/// mail account) and the canonical account: every one of its 42 columns, in
/// the table's own order. Importers and the OpenXE SQL writer both use it.
///
/// Reading is lossless: where a column's value would not come back the same
/// from the canonical fields (`SMTP` in capitals, a zero date, a log level
/// of 2), the raw value is kept as the extra `emailbackup.<column>`, and the
/// writer uses it as long as the canonical field still means the same.
/// Xentral's rule holds: the SMTP login is the IMAP login.
public enum EmailbackupMapping {
    public static let table = "emailbackup"
    /// The prefix of extras that hold raw column values for exact write-back.
    public static let rawPrefix = "emailbackup."

    /// The columns, in the order `CREATE TABLE emailbackup` has them (the
    /// order of a dump's INSERTs without a column list).
    public static let columns: [OpenXEColumn] = [
        kept("id"),
        text("angezeigtername", \.identity.displayName),
        text("internebeschreibung", \.identity.description),
        OpenXEColumn("benutzername", .text, read: { v, a in
            a.incoming.userName = v ?? ""
            a.outgoing.userName = v ?? ""
        }, write: { $0.incoming.userName }),
        OpenXEColumn("passwort", .text, read: { v, a in
            a.incoming.password = Secret(v ?? "")
            a.outgoing.password = Secret(v ?? "")
        }, write: { $0.incoming.password.revealed() }),
        OpenXEColumn("server", .text, read: { v, a in
            a.incoming.host = v ?? ""
            a.incoming.protocolKind = .imap
        }, write: { $0.incoming.host }),
        OpenXEColumn("smtp", .text, read: { v, a in
            a.outgoing.host = v ?? ""
            a.outgoing.method = .smtp
        }, write: { $0.outgoing.host }),
        flag("ticket", \.ticket.enabled),
        flag("imap_sentfolder_aktiv", \.incoming.copyToSent),
        text("imap_sentfolder", \.incoming.sentFolder),
        port("imap_port", \.incoming.port, default: "993"),
        OpenXEColumn("imap_type", .integer, read: { v, a in
            OpenXEWords.readImapType(v ?? "", into: &a)
        }, write: { OpenXEWords.imapType(of: $0) }),
        flag("autoresponder", \.autoresponder.enabled),
        reference("geschaeftsbriefvorlage", \.erp.letterTemplateID),
        text("autoresponderbetreff", \.autoresponder.subject),
        text("autorespondertext", \.autoresponder.text),
        reference("projekt", \.erp.projectID),
        flag("emailbackup", \.archive.enabled),
        reference("adresse", \.erp.employeeID),
        reference("firma", \.erp.companyID),
        OpenXEColumn("loeschtage", .text, read: { v, a in
            let v = v ?? ""
            a.archive.deleteAfterDays = v.isEmpty ? nil : ArchiveRetention(canonicalName: v)
        }, write: { $0.archive.deleteAfterDays?.canonicalName ?? "" }),
        kept("geloescht", default: "0"),
        flag("ticketloeschen", \.incoming.deleteOnServer),
        flag("ticketabgeschlossen", \.ticket.markClosed),
        text("ticketqueue", \.ticket.queue, nullable: true),
        text("ticketprojekt", \.ticket.project, nullable: true),
        flag("ticketemaileingehend", \.ticket.answerFromInbound),
        flag("smtp_extra", \.outgoing.enabled),
        OpenXEColumn("smtp_ssl", .integer, read: { v, a in
            a.outgoing.security = OpenXEWords.readSmtpSecurity(v ?? "", column: "smtp_ssl")
        }, write: { OpenXEWords.smtpSecurity($0.outgoing.security, column: "smtp_ssl") }),
        port("smtp_port", \.outgoing.port, default: "25"),
        text("smtp_frommail", \.outgoing.senderAddress),
        text("smtp_fromname", \.outgoing.senderName),
        text("client_alias", \.outgoing.clientAlias),
        OpenXEColumn("smtp_authtype", .text, read: { v, a in
            OpenXEWords.readSmtpAuthType(v ?? "", into: &a)
        }, write: { OpenXEWords.smtpAuthType(of: $0) }),
        OpenXEColumn("smtp_authparam", .text, read: { v, a in
            a.outgoing.oauthParameter = Secret(v ?? "")
        }, write: { $0.outgoing.oauthParameter.revealed() }),
        flag("smtp_loglevel", \.outgoing.debug),
        flag("autosresponder_blacklist", \.autoresponder.oncePerDay),
        flag("eigenesignatur", \.signature.enabled),
        text("signatur", \.signature.html),
        kept("mutex", default: "0"),
        OpenXEColumn("abdatum", .text, nullable: true, read: { v, a in
            a.incoming.fetchFrom = v.flatMap { CalendarDate(iso: $0) }
        }, write: { $0.incoming.fetchFrom?.description ?? "" }),
        text("email", \.identity.email),
    ]

    /// The columns by name.
    public static let columnsByName: [String: OpenXEColumn] =
        Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0) })

    /// Canonical fields whose values OpenXE keeps outside these columns
    /// (`is_default`: the default account lives in `firmendaten`), or that
    /// are bookkeeping (`origin`).
    static let notCompared: Set<CanonicalField> = [.origin, .extras]

    // MARK: Reading

    /// The account a row holds. `values` are by column name; a column the row
    /// lacks reads as its empty value. Throws for a value of the wrong kind.
    public static func account(from values: [String: String?]) throws(OpenXEValueError) -> MailAccount {
        var account = MailAccount()
        for column in columns {
            let value = values[column.name] ?? nil
            try column.read(value, &account)
        }
        // Keep what would not come back the same.
        for column in columns {
            guard let original = values[column.name] else { continue }
            let rewritten = column.value(for: account)
            if rewritten != original, !(original == nil && rewritten == "") {
                account.extras.append(ExtraField(name: rawPrefix + column.name, value: original ?? ""))
            }
        }
        return account
    }

    // MARK: Writing

    /// The row for `account`, column by column in table order (nil: NULL).
    /// Raw values kept at import are used where they still mean the same.
    public static func row(for account: MailAccount) -> [String?] {
        columns.map { column in
            let value = column.value(for: account)
            guard let raw = account.extras.first(where: { $0.name == rawPrefix + column.name })?.value else {
                return value
            }
            var check = account
            do { try column.read(raw, &check) } catch { return value }
            return column.value(for: check) == value ? raw : value
        }
    }

    /// What of `account` an `emailbackup` row cannot hold: each canonical
    /// field whose value does not come back the same when the row is read
    /// again, and each extra that is not a raw column value. Empty when the
    /// row holds the whole account.
    public static func lostFields(of account: MailAccount) -> [String] {
        let row = row(for: account)
        var values: [String: String?] = [:]
        for (column, value) in zip(columns, row) { values[column.name] = value }
        guard let back = try? Self.account(from: values) else { return ["(row does not read back)"] }
        var lost: [String] = []
        for field in CanonicalField.ordered where !notCompared.contains(field) {
            let original = field.text(in: account)
            if !original.isEmpty, original != "false", original != field.text(in: back) {
                lost.append(field.name)
            }
        }
        for extra in account.extras where !extra.name.hasPrefix(rawPrefix) {
            lost.append("extras.\(extra.name)")
        }
        return lost
    }

    // MARK: Column kinds

    private static func text(
        _ name: String, _ path: WritableKeyPath<MailAccount, String> & Sendable, nullable: Bool = false
    ) -> OpenXEColumn {
        OpenXEColumn(name, .text, nullable: nullable, read: { v, a in a[keyPath: path] = v ?? "" }, write: { $0[keyPath: path] })
    }

    /// An `int(1)` switch: 0 off, anything else on.
    private static func flag(_ name: String, _ path: WritableKeyPath<MailAccount, Bool> & Sendable) -> OpenXEColumn {
        OpenXEColumn(name, .integer, read: { v, a in
            let v = v ?? "0"
            a[keyPath: path] = !(v.isEmpty || v == "0")
        }, write: { $0[keyPath: path] ? "1" : "0" })
    }

    /// A port; an account without one gets the column's default.
    private static func port(
        _ name: String, _ path: WritableKeyPath<MailAccount, Int?> & Sendable, default defaultPort: String
    ) -> OpenXEColumn {
        OpenXEColumn(name, .integer, read: { (v, a) throws(OpenXEValueError) in
            guard let v, !v.isEmpty else {
                a[keyPath: path] = nil
                return
            }
            guard let port = Int(v) else { throw OpenXEValueError(column: name, value: v, expected: "a port number") }
            a[keyPath: path] = port
        }, write: { $0[keyPath: path].map(String.init) ?? defaultPort })
    }

    /// An id of another OpenXE record; 0 means none. A value that is not a
    /// number (from another system) cannot be held and is written as 0.
    private static func reference(_ name: String, _ path: WritableKeyPath<MailAccount, String> & Sendable) -> OpenXEColumn {
        OpenXEColumn(name, .integer, read: { v, a in
            let v = v ?? "0"
            a[keyPath: path] = v == "0" ? "" : v
        }, write: { Int($0[keyPath: path]) != nil ? $0[keyPath: path] : "0" })
    }

    /// A column with no canonical field: kept as the extra
    /// `emailbackup.<name>` when it is not the default.
    private static func kept(_ name: String, default defaultValue: String? = nil) -> OpenXEColumn {
        OpenXEColumn(name, .integer, read: { _, _ in }, write: { _ in defaultValue })
    }
}
