import MailModel
import Mappings

/// Writes accounts as SQL that OpenXE's MariaDB database loads: one `INSERT`
/// into `emailbackup` per account (all 42 columns, through
/// `EmailbackupMapping`), optionally after its `CREATE TABLE`; the default
/// account (`is_default`) as an update of the newest `firmendaten` row and
/// the `email`/`absendername` values of `firmendaten_werte`.
///
/// Nothing is dropped without a word: what an account holds that OpenXE has
/// no column for is named in a comment above its statement and handed to
/// `warn`. Without `SecretPolicy.include`, passwords and OAuth parameters are
/// written empty, and the file's head says so.
public final class OpenXESQLWriter: AccountWriter {
    private let sink: ByteSink
    private let secrets: SecretPolicy
    private let withSchema: Bool
    private let warn: (String) -> Void
    private var buffer = TextBuffer()
    private var headerWritten = false
    private var defaultAccounts = 0

    public init(sink: ByteSink, secrets: SecretPolicy, withSchema: Bool, warn: @escaping (String) -> Void) {
        self.sink = sink
        self.secrets = secrets
        self.withSchema = withSchema
        self.warn = warn
    }

    public func write(_ account: MailAccount) throws(OutputError) {
        if !headerWritten { writeHeader() }
        var account = account
        if secrets == .redact {
            account.incoming.password = Secret("")
            account.outgoing.password = Secret("")
            account.outgoing.oauthParameter = Secret("")
        }
        let name = AccountLabel.of(account)
        if account.roles.isDefault {
            writeDefault(account, name: name)
        } else {
            let row = EmailbackupMapping.row(for: account)
            note(EmailbackupMapping.lostFields(of: account, row: row), of: account, name: name)
            buffer.append(Self.insertHead)
            for (index, (column, value)) in zip(EmailbackupMapping.columns, row).enumerated() {
                if index > 0 { buffer.append(", ") }
                SQLLiteral.append(value, integer: column.kind == .integer, to: &buffer)
            }
            buffer.append(");\n")
        }
        try buffer.drain(to: sink)
    }

    public func finish() throws(OutputError) {
        if !headerWritten { writeHeader() }
        try buffer.drain(to: sink)
        try sink.flush()
    }

    /// The same for every account: made once.
    private static let insertHead =
        "INSERT INTO `emailbackup` (" + EmailbackupMapping.columns.map { SQLLiteral.identifier($0.name) }.joined(separator: ", ")
        + ") VALUES ("

    private func writeHeader() {
        headerWritten = true
        buffer.append("-- OpenXE mail accounts (tables emailbackup, firmendaten, firmendaten_werte), written by mailmigrate.\n")
        buffer.append("-- Load into OpenXE's database: mariadb DATABASE < FILE\n")
        if secrets == .redact {
            buffer.append("-- Passwords and OAuth parameters are left empty (mailmigrate export --include-secrets writes them).\n")
        }
        buffer.append("SET NAMES utf8mb4;\n")
        if withSchema {
            buffer.append(Self.createTable)
            buffer.append("\n")
        }
    }

    /// The default account updates the company settings; OpenXE has one.
    private func writeDefault(_ account: MailAccount, name: String) {
        defaultAccounts += 1
        if defaultAccounts > 1 {
            warn("\(name): a further default account: OpenXE has one, the last one written wins")
        }
        note(DefaultAccountMapping.lostFields(of: account), of: account, name: name)
        buffer.append("-- The default sending account (Grundeinstellungen): the newest firmendaten row.\n")
        buffer.append("UPDATE `firmendaten` SET ")
        for (index, (column, value)) in zip(DefaultAccountMapping.companyColumns, DefaultAccountMapping.companyRow(for: account)).enumerated() {
            if index > 0 { buffer.append(", ") }
            buffer.append(SQLLiteral.identifier(column) + " = ")
            SQLLiteral.append(value, integer: ["mailssl", "mailanstellesmtp"].contains(column), to: &buffer)
        }
        buffer.append(" ORDER BY `id` DESC LIMIT 1;\n")
        for (valueName, value) in zip(DefaultAccountMapping.valueNames, DefaultAccountMapping.values(for: account)) {
            buffer.append("UPDATE `firmendaten_werte` SET `wert` = ")
            SQLLiteral.appendString(value, to: &buffer)
            buffer.append(" WHERE `name` = ")
            SQLLiteral.appendString(valueName, to: &buffer)
            buffer.append(";\n")
            buffer.append("INSERT INTO `firmendaten_werte` (`name`, `typ`, `typ1`, `typ2`, `wert`, `default_value`) SELECT ")
            SQLLiteral.appendString(valueName, to: &buffer)
            buffer.append(", 'varchar', '64', '', ")
            SQLLiteral.appendString(value, to: &buffer)
            buffer.append(", '' FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM `firmendaten_werte` WHERE `name` = ")
            SQLLiteral.appendString(valueName, to: &buffer)
            buffer.append(");\n")
        }
    }

    /// Names, in a comment and a warning, what the target cannot hold, and
    /// the characters OpenXE's utf8mb3 tables turn into '?'.
    private func note(_ lost: [String], of account: MailAccount, name: String) {
        var notes: [String] = []
        if !lost.isEmpty { notes.append("OpenXE has no column for: \(lost.joined(separator: ", "))") }
        // A character beyond the BMP is four bytes in UTF-8, led by 0xF0–0xF4.
        var text: [UInt8] = []
        let wide = Self.fieldsWithText.filter { field in
            text.removeAll(keepingCapacity: true)
            field.appendText(in: account, to: &text)
            return text.contains { $0 >= 0xF0 }
        }
        if !wide.isEmpty {
            notes.append("characters beyond utf8mb3 (emoji) become '?' in OpenXE: \(wide.map(\.name).joined(separator: ", "))")
        }
        guard !notes.isEmpty else { return }
        // One comment line: a line break in the name would end it and start SQL.
        let oneLine =
            name.utf8.contains { $0 == 0x0A || $0 == 0x0D }
            ? String(String.UnicodeScalarView(name.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 })) : name
        for text in notes {
            buffer.append("-- \(oneLine): \(text)\n")
            warn("\(name): \(text)")
        }
    }

    /// The fields whose text can hold any character: numbers, switches and
    /// dates cannot, and secrets are not looked at (nothing is said of them).
    private static let fieldsWithText = CanonicalField.ordered.filter { field in
        switch field.kind {
        case .text, .enumeration, .list, .map: true
        case .secret, .integer, .boolean, .date: false
        }
    }

    /// OpenXE's definition of the table (database/struktur.sql).
    static let createTable = """
        CREATE TABLE IF NOT EXISTS `emailbackup` (
          `id` int(11) NOT NULL AUTO_INCREMENT,
          `angezeigtername` varchar(255) NOT NULL,
          `internebeschreibung` varchar(255) NOT NULL,
          `benutzername` varchar(255) NOT NULL,
          `passwort` varchar(255) NOT NULL,
          `server` varchar(255) NOT NULL,
          `smtp` varchar(255) NOT NULL,
          `ticket` int(1) NOT NULL,
          `imap_sentfolder_aktiv` int(1) NOT NULL,
          `imap_sentfolder` varchar(255) NOT NULL DEFAULT 'inbox.sent',
          `imap_port` int(11) NOT NULL DEFAULT 993,
          `imap_type` int(11) NOT NULL DEFAULT 3,
          `autoresponder` int(1) NOT NULL,
          `geschaeftsbriefvorlage` int(11) NOT NULL,
          `autoresponderbetreff` varchar(255) NOT NULL,
          `autorespondertext` text NOT NULL,
          `projekt` int(11) NOT NULL,
          `emailbackup` int(1) NOT NULL,
          `adresse` int(11) NOT NULL,
          `firma` int(11) NOT NULL,
          `loeschtage` varchar(255) NOT NULL,
          `geloescht` int(1) NOT NULL,
          `ticketloeschen` tinyint(1) NOT NULL DEFAULT 0,
          `ticketabgeschlossen` tinyint(1) NOT NULL DEFAULT 0,
          `ticketqueue` varchar(255) DEFAULT NULL,
          `ticketprojekt` varchar(255) DEFAULT NULL,
          `ticketemaileingehend` int(1) NOT NULL DEFAULT 0,
          `smtp_extra` int(1) NOT NULL DEFAULT 0,
          `smtp_ssl` int(1) NOT NULL DEFAULT 0,
          `smtp_port` int(11) NOT NULL DEFAULT 25,
          `smtp_frommail` varchar(128) NOT NULL,
          `smtp_fromname` varchar(128) NOT NULL,
          `client_alias` varchar(255) NOT NULL,
          `smtp_authtype` varchar(128) NOT NULL,
          `smtp_authparam` text NOT NULL,
          `smtp_loglevel` int(1) NOT NULL DEFAULT 0,
          `autosresponder_blacklist` tinyint(1) NOT NULL DEFAULT 1,
          `eigenesignatur` tinyint(1) NOT NULL DEFAULT 0,
          `signatur` text NOT NULL,
          `mutex` tinyint(1) NOT NULL DEFAULT 0,
          `abdatum` date DEFAULT NULL,
          `email` varchar(64) NOT NULL,
          PRIMARY KEY (`id`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_general_ci;

        """
}
