/// The mapping profiles mailmigrate knows without a file: one per seed
/// system, plus the Microsoft 365 migration batch and imapsync. Their
/// columns follow the systems' own labels (../shared/reference/systems.md).
public enum BuiltInProfiles {
    public static let all: [MappingProfile] = [xentral, openxe, celanio, crm, mat, m365, imapsync]

    public static func named(_ name: String) -> MappingProfile? { all.first { $0.name == name } }

    /// Yes/no words of German spreadsheets.
    static let yesNo = ValueMap([
        .init("ja", alsoRead: ["x", "1", "wahr", "true", "yes", "j", "y", "✓"], means: ["$": "true"]),
        .init("nein", alsoRead: ["0", "falsch", "false", "no", "n", "-"], means: ["$": "false"]),
    ])

    /// Xentral/OpenXE: "SSL" is implicit TLS, "TLS" is STARTTLS (smtp_ssl 2 and 1).
    static let xentralSecurity = ValueMap([
        .init("Keine", alsoRead: ["none", "ohne", "0"], means: ["$": "none"]),
        .init("TLS", alsoRead: ["starttls", "1"], means: ["$": "starttls"]),
        .init("SSL", alsoRead: ["ssl/tls", "implicit", "2"], means: ["$": "tls"]),
    ])

    /// Where "TLS" means implicit TLS and STARTTLS is named as such (MAT, the CRM, celanio).
    static let plainSecurity = ValueMap([
        .init("Keine", alsoRead: ["none", "ohne", "kein"], means: ["$": "none"]),
        .init("STARTTLS", means: ["$": "starttls"]),
        .init("SSL/TLS", alsoRead: ["ssl", "tls"], means: ["$": "tls"]),
    ])

    public static let xentral = MappingProfile(
        name: "xentral",
        description: "Xentral/OpenXE account form, German labels",
        delimiter: ";",
        columns: [
            ProfileColumn("E-Mail Adresse", ["email"], aliases: ["E-Mail", "E-Mail-Adresse"]),
            ProfileColumn("Verbinden mit", ["incoming_auth"], values: "connect"),
            ProfileColumn("Angezeigter Name", ["display_name"]),
            ProfileColumn("Interne Beschreibung", ["description"]),
            ProfileColumn("Nur sichtbar für Mitarbeiter", ["visible_to_users"], format: "list"),
            ProfileColumn("Benutzername", ["incoming_user", "outgoing_user"]),
            ProfileColumn("Passwort", ["incoming_password", "outgoing_password"]),
            ProfileColumn("IMAP-Server", ["incoming_host"], implies: ["incoming_protocol": "imap"]),
            ProfileColumn("IMAP-Port", ["incoming_port"]),
            ProfileColumn("IMAP-Verschlüsselung", ["incoming_security"], values: "security"),
            ProfileColumn("Versendetordner aktivieren", ["incoming_copy_to_sent"], values: "yesNo"),
            ProfileColumn("IMAP Gesendet Ordner", ["incoming_sent_folder"]),
            ProfileColumn("SMTP aktiv", ["outgoing_enabled"], values: "yesNo"),
            ProfileColumn("SMTP-Server", ["outgoing_host"], implies: ["outgoing_method": "smtp"]),
            ProfileColumn("SMTP-Port", ["outgoing_port"]),
            ProfileColumn("SMTP-SSL", ["outgoing_security"], values: "security"),
            ProfileColumn("SMTP-Authentifizierung", ["outgoing_auth"], values: "smtpAuth"),
            ProfileColumn("SMTP-DEBUG", ["outgoing_debug"], values: "yesNo"),
            ProfileColumn("Sender E-Mailadresse", ["outgoing_sender_address"]),
            ProfileColumn("Sender Name", ["outgoing_sender_name"]),
            ProfileColumn("Client Alias", ["outgoing_client_alias"]),
            ProfileColumn("Ticketsystem", ["ticket_enabled"], values: "yesNo"),
            ProfileColumn("Standard-Projekt", ["ticket_project"]),
            ProfileColumn("Standard-Warteschlange", ["ticket_queue"]),
            ProfileColumn("Ab Datum", ["incoming_fetch_from"], format: "date-de"),
            ProfileColumn("Ausgehende E-Mailadresse = eingehende", ["ticket_answer_from_inbound"], values: "yesNo"),
            ProfileColumn("E-Mails auf Server löschen", ["incoming_delete_on_server"], values: "yesNo"),
            ProfileColumn("Ticket als abgeschlossen markieren", ["ticket_mark_closed"], values: "yesNo"),
            ProfileColumn("E-Mail-Archiv", ["archive_enabled"], values: "yesNo"),
            ProfileColumn("E-Mails löschen nach Tagen", ["archive_delete_after_days"]),
            ProfileColumn("Mitarbeiter", ["erp_employee_id"]),
            ProfileColumn("Autoresponder", ["autoresponder_enabled"], values: "yesNo"),
            ProfileColumn("Nur eine Mail pro Tag", ["autoresponder_once_per_day"], values: "yesNo"),
            ProfileColumn("Autoresponder Betreff", ["autoresponder_subject"]),
            ProfileColumn("Autoresponder Text", ["autoresponder_text"]),
            ProfileColumn("Eigene Signatur", ["signature_enabled"], values: "yesNo"),
            ProfileColumn("Signatur", ["signature_html"]),
        ],
        valueMaps: [
            "yesNo": yesNo,
            "security": xentralSecurity,
            "connect": ValueMap([
                .init("Standard", alsoRead: ["passwort", "password"], means: ["incoming_auth": "password"]),
                .init("Google OAuth", means: ["incoming_auth": "oauth2", "incoming_oauth_provider": "google"]),
                .init("Microsoft 365 OAuth", alsoRead: ["Office 365 OAuth"], means: ["incoming_auth": "oauth2", "incoming_oauth_provider": "microsoft"]),
            ]),
            "smtpAuth": ValueMap([
                .init("Standard", alsoRead: ["smtp", "passwort"], means: ["outgoing_auth": "password"]),
                .init("Google OAuth", means: ["outgoing_auth": "oauth2", "outgoing_oauth_provider": "google"]),
                .init("OAuth Account", alsoRead: ["oauth"], means: ["outgoing_auth": "oauth2"]),
                .init("Keine", alsoRead: ["kein"], means: ["outgoing_auth": "none"]),
            ]),
        ])

    /// OpenXE's table itself: the `emailbackup` column names, read and written through `EmailbackupMapping`.
    public static let openxe = MappingProfile(
        name: "openxe",
        description: "OpenXE emailbackup table columns (e.g. a SELECT * exported as CSV)",
        kind: .emailbackup,
        columns: EmailbackupMapping.columns.map { ProfileColumn($0.name) })

    public static let celanio = MappingProfile(
        name: "celanio",
        description: "celanio Kommunikationsmanager, additional mailboxes",
        delimiter: ";",
        columns: [
            ProfileColumn("Postfach", ["email"], aliases: ["E-Mail", "E-Mail-Adresse"]),
            ProfileColumn("Bezeichnung", ["display_name"], aliases: ["Name"]),
            ProfileColumn("Antwort", ["usable_as_reply_to"], values: "yesNo"),
            ProfileColumn("Absender", ["usable_as_sender"], values: "yesNo"),
            ProfileColumn("Global", ["global"], values: "yesNo"),
            ProfileColumn("mit Authentifizierung", ["outgoing_auth"], values: "auth"),
            ProfileColumn("Benutzer", ["visible_to_users"], format: "list"),
            ProfileColumn("Benutzergruppen", ["visible_to_groups"], format: "list"),
            ProfileColumn("Protokoll", ["incoming_protocol"], values: "protocol"),
            ProfileColumn("Posteingangsserver", ["incoming_host"]),
            ProfileColumn("Port", ["incoming_port"]),
            ProfileColumn("Verschlüsselung", ["incoming_security"], values: "security"),
            ProfileColumn("Benutzername", ["incoming_user"]),
            ProfileColumn("Kennwort", ["incoming_password"]),
            ProfileColumn("SMTP-Server", ["outgoing_host"], implies: ["outgoing_enabled": "true", "outgoing_method": "smtp"]),
            ProfileColumn("SMTP-Port", ["outgoing_port"]),
            ProfileColumn("SMTP-Verschlüsselung", ["outgoing_security"], values: "security"),
            ProfileColumn("SMTP-Benutzername", ["outgoing_user"]),
            ProfileColumn("SMTP-Kennwort", ["outgoing_password"]),
        ],
        valueMaps: [
            "yesNo": yesNo,
            "security": plainSecurity,
            "protocol": ValueMap([
                .init("IMAP", means: ["$": "imap"]),
                .init("POP3", alsoRead: ["pop"], means: ["$": "pop3"]),
            ]),
            "auth": ValueMap([
                .init("ja", alsoRead: ["x", "1", "wahr", "true", "yes"], means: ["outgoing_auth": "password", "outgoing_enabled": "true"]),
                .init("nein", alsoRead: ["0", "falsch", "false", "no"], means: ["outgoing_auth": "none"]),
            ]),
        ])

    public static let crm = MappingProfile(
        name: "crm",
        description: "CRM mail client accounts (Kontotyp POP3 / IMAP / … (Office 365))",
        delimiter: ";",
        columns: [
            ProfileColumn("E-Mail-Adresse", ["email"]),
            ProfileColumn("Anzeigename", ["display_name"]),
            ProfileColumn("Kontotyp", ["incoming_protocol"], values: "type"),
            ProfileColumn("Privatkonto von", ["private_owner"]),
            ProfileColumn("Posteingangsserver", ["incoming_host"]),
            ProfileColumn("Posteingang Port", ["incoming_port"]),
            ProfileColumn("Posteingang Verschlüsselung", ["incoming_security"], values: "security"),
            ProfileColumn("Benutzername", ["incoming_user"]),
            ProfileColumn("Passwort", ["incoming_password"]),
            ProfileColumn("E-Mails auf dem Server löschen", ["incoming_delete_on_server"], values: "yesNo"),
            ProfileColumn("Postausgangsserver", ["outgoing_host"], implies: ["outgoing_enabled": "true", "outgoing_method": "smtp"]),
            ProfileColumn("Postausgang Port", ["outgoing_port"]),
            ProfileColumn("Postausgang Verschlüsselung", ["outgoing_security"], values: "security"),
            ProfileColumn("Login-Authentifizierung", ["outgoing_auth"], values: "login"),
            ProfileColumn("SMTP-Benutzername", ["outgoing_user"]),
            ProfileColumn("SMTP-Passwort", ["outgoing_password"]),
            ProfileColumn("Ordner Entwürfe", ["incoming_drafts_folder"]),
            ProfileColumn("Ordner Papierkorb", ["incoming_trash_folder"]),
            ProfileColumn("Ordner Gesendete Objekte", ["incoming_sent_folder"]),
            ProfileColumn("Gesendete in Gesendete kopieren", ["incoming_copy_to_sent"], values: "yesNo"),
            ProfileColumn("Signatur", ["signature_html"]),
        ],
        valueMaps: [
            "yesNo": yesNo,
            "security": plainSecurity,
            "type": ValueMap([
                .init("IMAP", means: ["incoming_protocol": "imap", "incoming_auth": "password"]),
                .init("POP3", means: ["incoming_protocol": "pop3", "incoming_auth": "password"]),
                .init("IMAP (Office 365)", means: ["incoming_protocol": "imap", "incoming_auth": "oauth2", "incoming_oauth_provider": "microsoft"]),
                .init("POP3 (Office 365)", means: ["incoming_protocol": "pop3", "incoming_auth": "oauth2", "incoming_oauth_provider": "microsoft"]),
            ]),
            "login": ValueMap([
                .init("ja", alsoRead: ["x", "1", "wahr", "true", "yes"], means: ["outgoing_auth": "password", "outgoing_enabled": "true"]),
                .init("nein", alsoRead: ["0", "falsch", "false", "no"], means: ["outgoing_auth": "none", "outgoing_enabled": "true"]),
            ]),
        ])

    public static let mat = MappingProfile(
        name: "mat",
        description: "MAT marketplace application: the sending account and the IMAP import of inquiries",
        delimiter: ";",
        columns: [
            ProfileColumn("Absender E-Mail", ["email", "outgoing_sender_address"]),
            ProfileColumn("Absendername", ["display_name", "outgoing_sender_name"]),
            ProfileColumn("SMTP-Server", ["outgoing_host"], implies: ["outgoing_enabled": "true", "outgoing_method": "smtp"]),
            ProfileColumn("Port", ["outgoing_port"]),
            ProfileColumn("Authentifikation erforderlich", ["outgoing_auth"], values: "auth"),
            ProfileColumn("Benutzername", ["outgoing_user", "incoming_user"]),
            ProfileColumn("Passwort", ["outgoing_password", "incoming_password"]),
            ProfileColumn("Sicherheit", ["outgoing_security"], values: "security"),
            ProfileColumn("Signatur", ["signature_html"]),
            ProfileColumn("E-Mail-Anfragen automatisch importieren", ["incoming_protocol"], values: "import"),
            ProfileColumn("IMAP-Server", ["incoming_host"]),
            ProfileColumn("IMAP-Port", ["incoming_port"]),
            ProfileColumn("IMAP-Sicherheit", ["incoming_security"], values: "security"),
            ProfileColumn("Absendermuster", ["import_sender_patterns"], format: "list"),
        ],
        valueMaps: [
            "security": ValueMap([
                .init("SSL", alsoRead: ["ssl/tls", "tls"], means: ["$": "tls"]),
                .init("STARTTLS", means: ["$": "starttls"]),
                .init("Keine", alsoRead: ["none", "ohne"], means: ["$": "none"]),
            ]),
            "auth": ValueMap([
                .init("ja", alsoRead: ["x", "1", "wahr", "true", "yes"], means: ["outgoing_auth": "password"]),
                .init("nein", alsoRead: ["0", "falsch", "false", "no"], means: ["outgoing_auth": "none"]),
            ]),
            "import": ValueMap([
                .init("ja", alsoRead: ["x", "1", "wahr", "true", "yes"], means: ["incoming_protocol": "imap"]),
                .init("nein", alsoRead: ["0", "falsch", "false", "no"], means: [:]),
            ]),
        ])

    public static let m365 = MappingProfile(
        name: "m365",
        description: "Microsoft 365 IMAP migration batch (EmailAddress,UserName,Password)",
        columns: [
            ProfileColumn("EmailAddress", ["email"]),
            ProfileColumn("UserName", ["incoming_user"]),
            ProfileColumn("Password", ["incoming_password"]),
        ])

    public static let imapsync = MappingProfile(
        name: "imapsync",
        description: "imapsync batch file: host1;user1;password1;host2;user2;password2; lines, # comments",
        delimiter: ";",
        headerless: true,
        commentPrefix: "#",
        trailingDelimiter: true,
        columns: [
            ProfileColumn("host1", ["incoming_host"]),
            ProfileColumn("user1", ["incoming_user"]),
            ProfileColumn("password1", ["incoming_password"]),
            ProfileColumn("host2", extra: "imapsync.host2"),
            ProfileColumn("user2", extra: "imapsync.user2"),
            ProfileColumn("password2", extra: "imapsync.password2"),
        ])
}
