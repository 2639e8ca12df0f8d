/// The canonical fields of a `MailAccount`, in canonical column order. This one
/// table is how every flat format (canonical CSV, SQLite columns, mapping
/// profiles) reads and writes an account: readers and writers share it, so a
/// field cannot be read under one name and written under another.
public enum CanonicalField: String, CaseIterable, Sendable, Hashable {
    case email = "email"
    case displayName = "display_name"
    case description = "description"
    case origin = "origin"
    case incomingProtocol = "incoming_protocol"
    case incomingHost = "incoming_host"
    case incomingPort = "incoming_port"
    case incomingSecurity = "incoming_security"
    case incomingAuth = "incoming_auth"
    case incomingOAuthProvider = "incoming_oauth_provider"
    case incomingUser = "incoming_user"
    case incomingPassword = "incoming_password"
    case incomingDeleteOnServer = "incoming_delete_on_server"
    case incomingFetchFrom = "incoming_fetch_from"
    case incomingSentFolder = "incoming_sent_folder"
    case incomingDraftsFolder = "incoming_drafts_folder"
    case incomingTrashFolder = "incoming_trash_folder"
    case incomingCopyToSent = "incoming_copy_to_sent"
    case outgoingEnabled = "outgoing_enabled"
    case outgoingMethod = "outgoing_method"
    case outgoingHost = "outgoing_host"
    case outgoingPort = "outgoing_port"
    case outgoingSecurity = "outgoing_security"
    case outgoingAuth = "outgoing_auth"
    case outgoingOAuthProvider = "outgoing_oauth_provider"
    case outgoingOAuthParameter = "outgoing_oauth_parameter"
    case outgoingUser = "outgoing_user"
    case outgoingPassword = "outgoing_password"
    case outgoingSenderAddress = "outgoing_sender_address"
    case outgoingSenderName = "outgoing_sender_name"
    case outgoingClientAlias = "outgoing_client_alias"
    case outgoingDebug = "outgoing_debug"
    case outgoingBcc = "outgoing_bcc"
    case usableAsSender = "usable_as_sender"
    case usableAsReplyTo = "usable_as_reply_to"
    case global = "global"
    case privateOwner = "private_owner"
    case visibleToUsers = "visible_to_users"
    case visibleToGroups = "visible_to_groups"
    case isDefault = "is_default"
    case ticketEnabled = "ticket_enabled"
    case ticketQueue = "ticket_queue"
    case ticketProject = "ticket_project"
    case ticketMarkClosed = "ticket_mark_closed"
    case ticketAnswerFromInbound = "ticket_answer_from_inbound"
    case archiveEnabled = "archive_enabled"
    case archiveDeleteAfterDays = "archive_delete_after_days"
    case autoresponderEnabled = "autoresponder_enabled"
    case autoresponderOncePerDay = "autoresponder_once_per_day"
    case autoresponderSubject = "autoresponder_subject"
    case autoresponderText = "autoresponder_text"
    case signatureEnabled = "signature_enabled"
    case signatureHTML = "signature_html"
    case importSenderPatterns = "import_sender_patterns"
    case erpProjectID = "erp_project_id"
    case erpCompanyID = "erp_company_id"
    case erpEmployeeID = "erp_employee_id"
    case erpLetterTemplateID = "erp_letter_template_id"
    case extras = "extras"

    /// All fields in canonical column order (computed once; `allCases` builds
    /// a new array on every call).
    public static let ordered: [CanonicalField] = allCases

    /// The column name in canonical CSV and SQLite.
    public var name: String { rawValue }

    public var kind: FieldKind {
        switch self {
        case .email: .text
        case .displayName: .text
        case .description: .text
        case .origin: .text
        case .incomingProtocol: .enumeration(["imap", "pop3"])
        case .incomingHost: .text
        case .incomingPort: .integer
        case .incomingSecurity: .enumeration(["none", "starttls", "tls"])
        case .incomingAuth: .enumeration(["password", "oauth2", "none"])
        case .incomingOAuthProvider: .enumeration(["google", "microsoft"])
        case .incomingUser: .text
        case .incomingPassword: .secret
        case .incomingDeleteOnServer: .boolean
        case .incomingFetchFrom: .date
        case .incomingSentFolder: .text
        case .incomingDraftsFolder: .text
        case .incomingTrashFolder: .text
        case .incomingCopyToSent: .boolean
        case .outgoingEnabled: .boolean
        case .outgoingMethod: .enumeration(["smtp", "system-mail"])
        case .outgoingHost: .text
        case .outgoingPort: .integer
        case .outgoingSecurity: .enumeration(["none", "starttls", "tls"])
        case .outgoingAuth: .enumeration(["password", "oauth2", "none"])
        case .outgoingOAuthProvider: .enumeration(["google", "microsoft"])
        case .outgoingOAuthParameter: .secret
        case .outgoingUser: .text
        case .outgoingPassword: .secret
        case .outgoingSenderAddress: .text
        case .outgoingSenderName: .text
        case .outgoingClientAlias: .text
        case .outgoingDebug: .boolean
        case .outgoingBcc: .list
        case .usableAsSender: .boolean
        case .usableAsReplyTo: .boolean
        case .global: .boolean
        case .privateOwner: .text
        case .visibleToUsers: .list
        case .visibleToGroups: .list
        case .isDefault: .boolean
        case .ticketEnabled: .boolean
        case .ticketQueue: .text
        case .ticketProject: .text
        case .ticketMarkClosed: .boolean
        case .ticketAnswerFromInbound: .boolean
        case .archiveEnabled: .boolean
        case .archiveDeleteAfterDays: .integer
        case .autoresponderEnabled: .boolean
        case .autoresponderOncePerDay: .boolean
        case .autoresponderSubject: .text
        case .autoresponderText: .text
        case .signatureEnabled: .boolean
        case .signatureHTML: .text
        case .importSenderPatterns: .list
        case .erpProjectID: .text
        case .erpCompanyID: .text
        case .erpEmployeeID: .text
        case .erpLetterTemplateID: .text
        case .extras: .map
        }
    }

    /// One line on what the field means, for `--help` texts and the README.
    public var summary: String {
        switch self {
        case .email: "The mailbox address"
        case .displayName: "The name recipients see"
        case .description: "Internal description"
        case .origin: "Where the account was first read from"
        case .incomingProtocol: "imap or pop3"
        case .incomingHost: "IMAP/POP3 server host name"
        case .incomingPort: "IMAP/POP3 port"
        case .incomingSecurity: "none, starttls or tls (implicit)"
        case .incomingAuth: "password, oauth2 or none"
        case .incomingOAuthProvider: "google or microsoft, with oauth2"
        case .incomingUser: "Login name for IMAP/POP3"
        case .incomingPassword: "Password for IMAP/POP3"
        case .incomingDeleteOnServer: "Delete mail on the server after fetching"
        case .incomingFetchFrom: "Fetch mail from this day on"
        case .incomingSentFolder: "Folder for sent mail"
        case .incomingDraftsFolder: "Folder for drafts"
        case .incomingTrashFolder: "Folder for deleted mail"
        case .incomingCopyToSent: "Copy sent mail to the sent folder"
        case .outgoingEnabled: "Sending is switched on for this account"
        case .outgoingMethod: "smtp or system-mail (PHP mail())"
        case .outgoingHost: "SMTP server host name"
        case .outgoingPort: "SMTP port"
        case .outgoingSecurity: "none, starttls or tls (implicit)"
        case .outgoingAuth: "password, oauth2 or none"
        case .outgoingOAuthProvider: "google or microsoft, with oauth2"
        case .outgoingOAuthParameter: "Parameter of the OAuth login"
        case .outgoingUser: "Login name for SMTP"
        case .outgoingPassword: "Password for SMTP"
        case .outgoingSenderAddress: "Sender address, if not the mailbox address"
        case .outgoingSenderName: "Sender name, if not the display name"
        case .outgoingClientAlias: "Name announced in EHLO"
        case .outgoingDebug: "SMTP protocol debugging on"
        case .outgoingBcc: "Addresses every sent mail is copied to"
        case .usableAsSender: "Selectable as sender address"
        case .usableAsReplyTo: "Selectable as reply-to address"
        case .global: "Usable across tenants"
        case .privateOwner: "User the account is private to"
        case .visibleToUsers: "Users who may use it (empty: all)"
        case .visibleToGroups: "User groups who may use it"
        case .isDefault: "The company's default sending account"
        case .ticketEnabled: "Incoming mail becomes tickets"
        case .ticketQueue: "Default ticket queue"
        case .ticketProject: "Default ticket project"
        case .ticketMarkClosed: "Mark imported tickets closed"
        case .ticketAnswerFromInbound: "Answer from the inbound address"
        case .archiveEnabled: "Mail archive on"
        case .archiveDeleteAfterDays: "Delete archived mail after N days (0: never)"
        case .autoresponderEnabled: "Autoresponder on"
        case .autoresponderOncePerDay: "Answer each sender once a day"
        case .autoresponderSubject: "Autoresponder subject"
        case .autoresponderText: "Autoresponder body (HTML)"
        case .signatureEnabled: "Own signature on"
        case .signatureHTML: "Signature (HTML)"
        case .importSenderPatterns: "Import only mail from these senders"
        case .erpProjectID: "Project id in the source ERP"
        case .erpCompanyID: "Company id in the source ERP"
        case .erpEmployeeID: "Employee id in the source ERP"
        case .erpLetterTemplateID: "Letter template id in the source ERP"
        case .extras: "Source fields without a canonical home"
        }
    }

    /// The field's value in canonical text form; secrets in clear (callers redact).
    public func text(in a: MailAccount) -> String {
        switch self {
        case .email: a.identity.email
        case .displayName: a.identity.displayName
        case .description: a.identity.description
        case .origin: a.identity.origin
        case .incomingProtocol: a.incoming.protocolKind?.canonicalName ?? ""
        case .incomingHost: a.incoming.host
        case .incomingPort: a.incoming.port.map(String.init) ?? ""
        case .incomingSecurity: a.incoming.security?.canonicalName ?? ""
        case .incomingAuth: a.incoming.authentication?.canonicalName ?? ""
        case .incomingOAuthProvider: a.incoming.oauthProvider?.canonicalName ?? ""
        case .incomingUser: a.incoming.userName
        case .incomingPassword: a.incoming.password.revealed()
        case .incomingDeleteOnServer: a.incoming.deleteOnServer ? "true" : "false"
        case .incomingFetchFrom: a.incoming.fetchFrom?.description ?? ""
        case .incomingSentFolder: a.incoming.sentFolder
        case .incomingDraftsFolder: a.incoming.draftsFolder
        case .incomingTrashFolder: a.incoming.trashFolder
        case .incomingCopyToSent: a.incoming.copyToSent ? "true" : "false"
        case .outgoingEnabled: a.outgoing.enabled ? "true" : "false"
        case .outgoingMethod: a.outgoing.method?.canonicalName ?? ""
        case .outgoingHost: a.outgoing.host
        case .outgoingPort: a.outgoing.port.map(String.init) ?? ""
        case .outgoingSecurity: a.outgoing.security?.canonicalName ?? ""
        case .outgoingAuth: a.outgoing.authentication?.canonicalName ?? ""
        case .outgoingOAuthProvider: a.outgoing.oauthProvider?.canonicalName ?? ""
        case .outgoingOAuthParameter: a.outgoing.oauthParameter.revealed()
        case .outgoingUser: a.outgoing.userName
        case .outgoingPassword: a.outgoing.password.revealed()
        case .outgoingSenderAddress: a.outgoing.senderAddress
        case .outgoingSenderName: a.outgoing.senderName
        case .outgoingClientAlias: a.outgoing.clientAlias
        case .outgoingDebug: a.outgoing.debug ? "true" : "false"
        case .outgoingBcc: ListCodec.encode(a.outgoing.bcc)
        case .usableAsSender: a.roles.usableAsSender ? "true" : "false"
        case .usableAsReplyTo: a.roles.usableAsReplyTo ? "true" : "false"
        case .global: a.roles.global ? "true" : "false"
        case .privateOwner: a.roles.privateOwner
        case .visibleToUsers: ListCodec.encode(a.roles.visibleToUsers)
        case .visibleToGroups: ListCodec.encode(a.roles.visibleToGroups)
        case .isDefault: a.roles.isDefault ? "true" : "false"
        case .ticketEnabled: a.ticket.enabled ? "true" : "false"
        case .ticketQueue: a.ticket.queue
        case .ticketProject: a.ticket.project
        case .ticketMarkClosed: a.ticket.markClosed ? "true" : "false"
        case .ticketAnswerFromInbound: a.ticket.answerFromInbound ? "true" : "false"
        case .archiveEnabled: a.archive.enabled ? "true" : "false"
        case .archiveDeleteAfterDays: a.archive.deleteAfterDays?.canonicalName ?? ""
        case .autoresponderEnabled: a.autoresponder.enabled ? "true" : "false"
        case .autoresponderOncePerDay: a.autoresponder.oncePerDay ? "true" : "false"
        case .autoresponderSubject: a.autoresponder.subject
        case .autoresponderText: a.autoresponder.text
        case .signatureEnabled: a.signature.enabled ? "true" : "false"
        case .signatureHTML: a.signature.html
        case .importSenderPatterns: ListCodec.encode(a.importFilter.senderPatterns)
        case .erpProjectID: a.erp.projectID
        case .erpCompanyID: a.erp.companyID
        case .erpEmployeeID: a.erp.employeeID
        case .erpLetterTemplateID: a.erp.letterTemplateID
        case .extras: ListCodec.encode(a.extras)
        }
    }

    /// Sets the field from canonical text. Values that read but are wrong (port
    /// 70000, an unknown security word) are kept; text that cannot be a value of
    /// the field's kind (a port `abc`) throws.
    public func assign(_ t: String, to a: inout MailAccount) throws(FieldValueError) {
        switch self {
        case .email: a.identity.email = t
        case .displayName: a.identity.displayName = t
        case .description: a.identity.description = t
        case .origin: a.identity.origin = t
        case .incomingProtocol: a.incoming.protocolKind = t.isEmpty ? nil : IncomingProtocol(canonicalName: t)
        case .incomingHost: a.incoming.host = t
        case .incomingPort: a.incoming.port = try integer(t)
        case .incomingSecurity: a.incoming.security = t.isEmpty ? nil : ConnectionSecurity(canonicalName: t)
        case .incomingAuth: a.incoming.authentication = t.isEmpty ? nil : AuthenticationMethod(canonicalName: t)
        case .incomingOAuthProvider: a.incoming.oauthProvider = t.isEmpty ? nil : OAuthProvider(canonicalName: t)
        case .incomingUser: a.incoming.userName = t
        case .incomingPassword: a.incoming.password = Secret(t)
        case .incomingDeleteOnServer: a.incoming.deleteOnServer = try boolean(t)
        case .incomingFetchFrom: a.incoming.fetchFrom = try date(t)
        case .incomingSentFolder: a.incoming.sentFolder = t
        case .incomingDraftsFolder: a.incoming.draftsFolder = t
        case .incomingTrashFolder: a.incoming.trashFolder = t
        case .incomingCopyToSent: a.incoming.copyToSent = try boolean(t)
        case .outgoingEnabled: a.outgoing.enabled = try boolean(t)
        case .outgoingMethod: a.outgoing.method = t.isEmpty ? nil : SendingMethod(canonicalName: t)
        case .outgoingHost: a.outgoing.host = t
        case .outgoingPort: a.outgoing.port = try integer(t)
        case .outgoingSecurity: a.outgoing.security = t.isEmpty ? nil : ConnectionSecurity(canonicalName: t)
        case .outgoingAuth: a.outgoing.authentication = t.isEmpty ? nil : AuthenticationMethod(canonicalName: t)
        case .outgoingOAuthProvider: a.outgoing.oauthProvider = t.isEmpty ? nil : OAuthProvider(canonicalName: t)
        case .outgoingOAuthParameter: a.outgoing.oauthParameter = Secret(t)
        case .outgoingUser: a.outgoing.userName = t
        case .outgoingPassword: a.outgoing.password = Secret(t)
        case .outgoingSenderAddress: a.outgoing.senderAddress = t
        case .outgoingSenderName: a.outgoing.senderName = t
        case .outgoingClientAlias: a.outgoing.clientAlias = t
        case .outgoingDebug: a.outgoing.debug = try boolean(t)
        case .outgoingBcc: a.outgoing.bcc = ListCodec.decode(t)
        case .usableAsSender: a.roles.usableAsSender = try boolean(t)
        case .usableAsReplyTo: a.roles.usableAsReplyTo = try boolean(t)
        case .global: a.roles.global = try boolean(t)
        case .privateOwner: a.roles.privateOwner = t
        case .visibleToUsers: a.roles.visibleToUsers = ListCodec.decode(t)
        case .visibleToGroups: a.roles.visibleToGroups = ListCodec.decode(t)
        case .isDefault: a.roles.isDefault = try boolean(t)
        case .ticketEnabled: a.ticket.enabled = try boolean(t)
        case .ticketQueue: a.ticket.queue = t
        case .ticketProject: a.ticket.project = t
        case .ticketMarkClosed: a.ticket.markClosed = try boolean(t)
        case .ticketAnswerFromInbound: a.ticket.answerFromInbound = try boolean(t)
        case .archiveEnabled: a.archive.enabled = try boolean(t)
        case .archiveDeleteAfterDays: a.archive.deleteAfterDays = t.isEmpty ? nil : ArchiveRetention(canonicalName: t)
        case .autoresponderEnabled: a.autoresponder.enabled = try boolean(t)
        case .autoresponderOncePerDay: a.autoresponder.oncePerDay = try boolean(t)
        case .autoresponderSubject: a.autoresponder.subject = t
        case .autoresponderText: a.autoresponder.text = t
        case .signatureEnabled: a.signature.enabled = try boolean(t)
        case .signatureHTML: a.signature.html = t
        case .importSenderPatterns: a.importFilter.senderPatterns = ListCodec.decode(t)
        case .erpProjectID: a.erp.projectID = t
        case .erpCompanyID: a.erp.companyID = t
        case .erpEmployeeID: a.erp.employeeID = t
        case .erpLetterTemplateID: a.erp.letterTemplateID = t
        case .extras: a.extras = try map(t)
        }
    }

    private func integer(_ t: String) throws(FieldValueError) -> Int? {
        if t.isEmpty { return nil }
        guard let n = Int(t) else { throw FieldValueError(field: name, text: t, expected: "a whole number") }
        return n
    }

    private func boolean(_ t: String) throws(FieldValueError) -> Bool {
        switch t {
        case "true": return true
        case "false", "": return false
        default: break
        }
        switch t.foldedForComparison() {
        case "", "false", "0", "no": return false
        case "true", "1", "yes": return true
        default: throw FieldValueError(field: name, text: t, expected: "true or false")
        }
    }

    private func date(_ t: String) throws(FieldValueError) -> CalendarDate? {
        if t.isEmpty { return nil }
        guard let d = CalendarDate(iso: t) else { throw FieldValueError(field: name, text: t, expected: "a date YYYY-MM-DD") }
        return d
    }

    private func map(_ t: String) throws(FieldValueError) -> [ExtraField] {
        guard let m = ListCodec.decodeMap(t) else {
            throw FieldValueError(field: name, text: t, expected: "name=value items separated by ';'")
        }
        return m
    }
}
