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
        text("angezeigtername", .displayName),
        text("internebeschreibung", .description),
        OpenXEColumn("benutzername", .text, exactValues: .every, read: { v, a in
            a.incoming.userName = v ?? ""
            a.outgoing.userName = v ?? ""
        }, write: { $0.incoming.userName }),
        OpenXEColumn("passwort", .text, exactValues: .every, read: { v, a in
            a.incoming.password = Secret(v ?? "")
            a.outgoing.password = Secret(v ?? "")
        }, write: { $0.incoming.password.revealed() }),
        OpenXEColumn("server", .text, exactValues: .every, read: { v, a in
            a.incoming.host = v ?? ""
            a.incoming.protocolKind = .imap
        }, write: { $0.incoming.host }),
        OpenXEColumn("smtp", .text, exactValues: .every, read: { v, a in
            a.outgoing.host = v ?? ""
            a.outgoing.method = .smtp
        }, write: { $0.outgoing.host }),
        flag("ticket", .ticketEnabled),
        flag("imap_sentfolder_aktiv", .incomingCopyToSent),
        text("imap_sentfolder", .incomingSentFolder),
        port("imap_port", { $0.incoming.port }, { $0.incoming.port = $1 }, default: "993"),
        OpenXEColumn("imap_type", .integer, read: readImapType, readUTF8: words(["1", "3", "5"], readImapType),
            write: { OpenXEWords.imapType(of: $0) }),
        flag("autoresponder", .autoresponderEnabled),
        reference("geschaeftsbriefvorlage", .erpLetterTemplateID),
        text("autoresponderbetreff", .autoresponderSubject),
        text("autorespondertext", .autoresponderText),
        reference("projekt", .erpProjectID),
        flag("emailbackup", .archiveEnabled),
        reference("adresse", .erpEmployeeID),
        reference("firma", .erpCompanyID),
        OpenXEColumn("loeschtage", .text, read: { v, a in
            let v = v ?? ""
            a.archive.deleteAfterDays = v.isEmpty ? nil : ArchiveRetention(canonicalName: v)
        }, write: { $0.archive.deleteAfterDays?.canonicalName ?? "" }),
        kept("geloescht", default: "0"),
        flag("ticketloeschen", .incomingDeleteOnServer),
        flag("ticketabgeschlossen", .ticketMarkClosed),
        text("ticketqueue", .ticketQueue, nullable: true),
        text("ticketprojekt", .ticketProject, nullable: true),
        flag("ticketemaileingehend", .ticketAnswerFromInbound),
        flag("smtp_extra", .outgoingEnabled),
        OpenXEColumn("smtp_ssl", .integer, read: readSmtpSSL, readUTF8: words(["0", "1", "2"], readSmtpSSL),
            write: { OpenXEWords.smtpSecurity($0.outgoing.security, column: "smtp_ssl") }),
        port("smtp_port", { $0.outgoing.port }, { $0.outgoing.port = $1 }, default: "25"),
        text("smtp_frommail", .outgoingSenderAddress),
        text("smtp_fromname", .outgoingSenderName),
        text("client_alias", .outgoingClientAlias),
        OpenXEColumn("smtp_authtype", .text, read: readSmtpAuthType,
            readUTF8: words(["smtp", "", "oauth_google"], readSmtpAuthType), write: { OpenXEWords.smtpAuthType(of: $0) }),
        text("smtp_authparam", .outgoingOAuthParameter),
        flag("smtp_loglevel", .outgoingDebug),
        flag("autosresponder_blacklist", .autoresponderOncePerDay),
        flag("eigenesignatur", .signatureEnabled),
        text("signatur", .signatureHTML),
        kept("mutex", default: "0"),
        OpenXEColumn("abdatum", .text, nullable: true, exactValues: .isoDate, read: { v, a in
            a.incoming.fetchFrom = v.flatMap { CalendarDate(iso: $0) }
        }, readUTF8: { v, a in
            a.incoming.fetchFrom = v.flatMap { CalendarDate(isoUTF8: $0) }
        }, write: { $0.incoming.fetchFrom?.description ?? "" }),
        text("email", .email),
    ]

    /// The columns by name.
    public static let columnsByName: [String: OpenXEColumn] =
        Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0) })


    // MARK: Reading

    /// The account a row holds. `values` are by column name; a column the row
    /// lacks reads as its empty value. Throws for a value of the wrong kind.
    public static func account(from values: [String: String?]) throws(OpenXEValueError) -> MailAccount {
        try account(fromColumns: columns.map { values[$0.name] })
    }

    /// The account a row holds, its values in `columns` order: `.some(nil)`
    /// is NULL, nil a column the row lacks (its fields stay unset: a list
    /// view without `imap_type` says nothing about security).
    public static func account(fromColumns values: [String??]) throws(OpenXEValueError) -> MailAccount {
        var account = MailAccount()
        try read(values, into: &account)
        return account
    }

    /// `account(fromColumns:)` into an account the caller holds: the values'
    /// UTF-8, read as `read(utf8:into:)` reads it.
    public static func read(_ values: [String??], into account: inout MailAccount) throws(OpenXEValueError) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>??] = []
        for value in values {
            guard let value else {
                ranges.append(nil)
                continue
            }
            guard let text = value else {
                ranges.append(.some(nil))
                continue
            }
            let start = bytes.count
            bytes += text.utf8
            ranges.append(start..<bytes.count)
        }
        try bytes.withUnsafeBufferPointer { (all) throws(OpenXEValueError) in
            let cells = ranges.map { $0.map { $0.map { UnsafeBufferPointer(rebasing: all[$0]) } } }
            try cells.withUnsafeBufferPointer { (cells) throws(OpenXEValueError) in try read(utf8: cells, into: &account) }
        }
    }

    /// The account a row holds, read into an account the caller holds, from
    /// the UTF-8 of its values in `columns` order (`.some(nil)`: NULL; nil: a
    /// column the row lacks), each checked as UTF-8 by the caller (texts are
    /// made without checking again). A switch or a number becomes no String; a value
    /// that is not known to come back unchanged is written again after the
    /// whole row is read, and kept as a raw extra where it differs. Not
    /// inlined: setting the fields of a local account where it is then
    /// returned (or put into an item) made the compiler copy it and free the
    /// original, which retains and releases each of its texts.
    @inline(never)
    public static func read(utf8 values: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>??>, into account: inout MailAccount) throws(OpenXEValueError) {
        let columns = self.columns
        for index in columns.indices {
            guard let value = values[index] else { continue }
            // The reading first, out of the column: a field column is then
            // read without holding (and counting) a reference to it.
            if columns[index].reading.assign(utf8: value, to: &account) { continue }
            // The table holds every column all its life: its closures are
            // called without counting a reference to them (a retain and a
            // release per column and row otherwise).
            let failure = Unmanaged.passUnretained(columns[index])._withUnsafeGuaranteedRef { column -> OpenXEValueError? in
                do throws(OpenXEValueError) { try column.read(utf8: value, into: &account) } catch { return error }
                return nil
            }
            if let failure { throw failure }
        }
        for index in columns.indices {
            guard let value = values[index], !columns[index].exactValues.include(utf8: value) else { continue }
            let rewritten = Unmanaged.passUnretained(columns[index])._withUnsafeGuaranteedRef { $0.value(for: account) }
            // Compared as bytes: a String of the value is made only to keep it.
            switch (value, rewritten) {
            case (nil, nil), (nil, ""): continue
            case let (bytes?, text?) where CheckedUTF8.same(bytes, as: text): continue
            default:
                let original = value.map(CheckedUTF8.string) ?? ""
                account.extras.append(ExtraField(name: rawPrefix + columns[index].name, value: original))
            }
        }
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
            do { try column.read(raw, into: &check) } catch { return value }
            return column.value(for: check) == value ? raw : value
        }
    }

    /// What of `account` an `emailbackup` row cannot hold: each canonical
    /// field whose value does not come back the same when the row is read
    /// again, and each extra that is not a raw column value. Empty when the
    /// row holds the whole account.
    public static func lostFields(of account: MailAccount) -> [String] {
        lostFields(of: account, row: row(for: account))
    }

    /// `lostFields(of:)` for the row `row(for: account)` made (a writer has it already).
    public static func lostFields(of account: MailAccount, row: [String?]) -> [String] {
        guard let back = try? Self.account(fromColumns: row.map { .some($0) }) else { return ["(row does not read back)"] }
        var lost = LostFields.canonical(of: account, readBack: back)
        for extra in account.extras where !extra.name.hasPrefix(rawPrefix) {
            lost.append("extras.\(extra.name)")
        }
        return lost
    }

    // MARK: Column kinds

    private static let readImapType: @Sendable (String?, inout MailAccount) -> Void = { v, a in
        OpenXEWords.readImapType(v ?? "", into: &a)
    }
    private static let readSmtpSSL: @Sendable (String?, inout MailAccount) -> Void = { v, a in
        a.outgoing.security = OpenXEWords.readSmtpSecurity(v ?? "", column: "smtp_ssl")
    }
    private static let readSmtpAuthType: @Sendable (String?, inout MailAccount) -> Void = { v, a in
        OpenXEWords.readSmtpAuthType(v ?? "", into: &a)
    }

    /// `read` for a value given as UTF-8 that is most often one of `known`:
    /// such a value is handed on as the word it equals (a literal, so no
    /// String is made for it), any other exactly as `read` takes it.
    private static func words(
        _ known: [String], _ read: @escaping @Sendable (String?, inout MailAccount) -> Void
    ) -> @Sendable (UnsafeBufferPointer<UInt8>?, inout MailAccount) -> Void {
        { v, a in
            guard let v else { return read(nil, &a) }
            for word in known where CheckedUTF8.same(v, as: word) { return read(word, &a) }
            read(CheckedUTF8.string(v), &a)
        }
    }

    // Plain closures, not key paths: reading a key path of a struct copies
    // the whole account.
    typealias Get<T> = @Sendable (MailAccount) -> T
    typealias Put<T> = @Sendable (inout MailAccount, T) -> Void

    /// A text column that holds `field` as it is.
    private static func text(_ name: String, _ field: CanonicalField, nullable: Bool = false) -> OpenXEColumn {
        precondition(field.textValue(in: MailAccount()) != nil, "\(field) is not a text field")
        return OpenXEColumn(
            name, .text, nullable: nullable, exactValues: nullable ? .everyButEmpty : .every,
            reading: .text(field), write: { field.textValue(in: $0) })
    }

    /// An `int(1)` switch: 0 off, anything else on.
    private static func flag(_ name: String, _ field: CanonicalField) -> OpenXEColumn {
        precondition(field.flag(in: MailAccount()) != nil, "\(field) is not a switch")
        return OpenXEColumn(name, .integer, exactValues: .zeroAndOne, reading: .flag(field),
                            write: { field.flag(in: $0) == true ? "1" : "0" })
    }

    /// A port; an account without one gets the column's default.
    private static func port(
        _ name: String, _ get: @escaping Get<Int?>, _ set: @escaping Put<Int?>, default defaultPort: String
    ) -> OpenXEColumn {
        let read: @Sendable (String?, inout MailAccount) throws(OpenXEValueError) -> Void = { (v, a) throws(OpenXEValueError) in
            guard let v, !v.isEmpty else {
                set(&a, nil)
                return
            }
            guard let port = Int(v) else { throw OpenXEValueError(column: name, value: v, expected: "a port number") }
            set(&a, port)
        }
        return OpenXEColumn(name, .integer, exactValues: .decimal, read: read, readUTF8: { (v, a) throws(OpenXEValueError) in
            // Plain digits without a String; a sign or anything else as `Int` reads it.
            guard let v, !v.isEmpty, v.count <= 18, v.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                return try read(v.map(CheckedUTF8.string), &a)
            }
            set(&a, v.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) })
        }, write: { get($0).map(String.init) ?? defaultPort })
    }

    /// An id of another OpenXE record; 0 means none. A value that is not a
    /// number (from another system) cannot be held and is written as 0.
    private static func reference(_ name: String, _ field: CanonicalField) -> OpenXEColumn {
        precondition(field.textValue(in: MailAccount()) != nil, "\(field) is not a text field")
        return OpenXEColumn(name, .integer, exactValues: .digits, reading: .reference(field), write: { account in
            let id = field.textValue(in: account) ?? ""
            return Int(id) != nil ? id : "0"
        })
    }

    /// A column with no canonical field: kept as the extra
    /// `emailbackup.<name>` when it is not the default.
    private static func kept(_ name: String, default defaultValue: String? = nil) -> OpenXEColumn {
        OpenXEColumn(name, .integer, read: { _, _ in }, readUTF8: { _, _ in }, write: { _ in defaultValue })
    }
}
