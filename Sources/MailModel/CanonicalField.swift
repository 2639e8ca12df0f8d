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
        var bytes: [UInt8] = []
        appendText(in: a, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the field's canonical text as UTF-8, without making a String
    /// for numbers, flags, words and dates. Secrets in clear (callers redact).
    public func appendText(in a: MailAccount, to out: inout [UInt8]) { write(in: a, to: &out) }

    /// `appendText(in:to:)` into memory reserved ahead (a store row's).
    public func appendText(in a: MailAccount, to out: inout ByteWriter) { write(in: a, to: &out) }

    @inline(__always)
    private func write<Out: UTF8Sink>(in a: MailAccount, to out: inout Out) {
        switch self {
        case .email: UTF8Text.append(a.identity.email, to: &out)
        case .displayName: UTF8Text.append(a.identity.displayName, to: &out)
        case .description: UTF8Text.append(a.identity.description, to: &out)
        case .origin: UTF8Text.append(a.identity.origin, to: &out)
        case .incomingProtocol: if let v = a.incoming.protocolKind { UTF8Text.append(v.canonicalName, to: &out) }
        case .incomingHost: UTF8Text.append(a.incoming.host, to: &out)
        case .incomingPort: if let v = a.incoming.port { UTF8Text.append(v, to: &out) }
        case .incomingSecurity: if let v = a.incoming.security { UTF8Text.append(v.canonicalName, to: &out) }
        case .incomingAuth: if let v = a.incoming.authentication { UTF8Text.append(v.canonicalName, to: &out) }
        case .incomingOAuthProvider: if let v = a.incoming.oauthProvider { UTF8Text.append(v.canonicalName, to: &out) }
        case .incomingUser: UTF8Text.append(a.incoming.userName, to: &out)
        case .incomingPassword: UTF8Text.append(a.incoming.password.revealed(), to: &out)
        case .incomingDeleteOnServer: UTF8Text.append(flag: a.incoming.deleteOnServer, to: &out)
        case .incomingFetchFrom: a.incoming.fetchFrom?.writeISO(to: &out)
        case .incomingSentFolder: UTF8Text.append(a.incoming.sentFolder, to: &out)
        case .incomingDraftsFolder: UTF8Text.append(a.incoming.draftsFolder, to: &out)
        case .incomingTrashFolder: UTF8Text.append(a.incoming.trashFolder, to: &out)
        case .incomingCopyToSent: UTF8Text.append(flag: a.incoming.copyToSent, to: &out)
        case .outgoingEnabled: UTF8Text.append(flag: a.outgoing.enabled, to: &out)
        case .outgoingMethod: if let v = a.outgoing.method { UTF8Text.append(v.canonicalName, to: &out) }
        case .outgoingHost: UTF8Text.append(a.outgoing.host, to: &out)
        case .outgoingPort: if let v = a.outgoing.port { UTF8Text.append(v, to: &out) }
        case .outgoingSecurity: if let v = a.outgoing.security { UTF8Text.append(v.canonicalName, to: &out) }
        case .outgoingAuth: if let v = a.outgoing.authentication { UTF8Text.append(v.canonicalName, to: &out) }
        case .outgoingOAuthProvider: if let v = a.outgoing.oauthProvider { UTF8Text.append(v.canonicalName, to: &out) }
        case .outgoingOAuthParameter: UTF8Text.append(a.outgoing.oauthParameter.revealed(), to: &out)
        case .outgoingUser: UTF8Text.append(a.outgoing.userName, to: &out)
        case .outgoingPassword: UTF8Text.append(a.outgoing.password.revealed(), to: &out)
        case .outgoingSenderAddress: UTF8Text.append(a.outgoing.senderAddress, to: &out)
        case .outgoingSenderName: UTF8Text.append(a.outgoing.senderName, to: &out)
        case .outgoingClientAlias: UTF8Text.append(a.outgoing.clientAlias, to: &out)
        case .outgoingDebug: UTF8Text.append(flag: a.outgoing.debug, to: &out)
        case .outgoingBcc: ListCodec.write(a.outgoing.bcc, to: &out)
        case .usableAsSender: UTF8Text.append(flag: a.roles.usableAsSender, to: &out)
        case .usableAsReplyTo: UTF8Text.append(flag: a.roles.usableAsReplyTo, to: &out)
        case .global: UTF8Text.append(flag: a.roles.global, to: &out)
        case .privateOwner: UTF8Text.append(a.roles.privateOwner, to: &out)
        case .visibleToUsers: ListCodec.write(a.roles.visibleToUsers, to: &out)
        case .visibleToGroups: ListCodec.write(a.roles.visibleToGroups, to: &out)
        case .isDefault: UTF8Text.append(flag: a.roles.isDefault, to: &out)
        case .ticketEnabled: UTF8Text.append(flag: a.ticket.enabled, to: &out)
        case .ticketQueue: UTF8Text.append(a.ticket.queue, to: &out)
        case .ticketProject: UTF8Text.append(a.ticket.project, to: &out)
        case .ticketMarkClosed: UTF8Text.append(flag: a.ticket.markClosed, to: &out)
        case .ticketAnswerFromInbound: UTF8Text.append(flag: a.ticket.answerFromInbound, to: &out)
        case .archiveEnabled: UTF8Text.append(flag: a.archive.enabled, to: &out)
        case .archiveDeleteAfterDays: if let v = a.archive.deleteAfterDays { UTF8Text.append(v.canonicalName, to: &out) }
        case .autoresponderEnabled: UTF8Text.append(flag: a.autoresponder.enabled, to: &out)
        case .autoresponderOncePerDay: UTF8Text.append(flag: a.autoresponder.oncePerDay, to: &out)
        case .autoresponderSubject: UTF8Text.append(a.autoresponder.subject, to: &out)
        case .autoresponderText: UTF8Text.append(a.autoresponder.text, to: &out)
        case .signatureEnabled: UTF8Text.append(flag: a.signature.enabled, to: &out)
        case .signatureHTML: UTF8Text.append(a.signature.html, to: &out)
        case .importSenderPatterns: ListCodec.write(a.importFilter.senderPatterns, to: &out)
        case .erpProjectID: UTF8Text.append(a.erp.projectID, to: &out)
        case .erpCompanyID: UTF8Text.append(a.erp.companyID, to: &out)
        case .erpEmployeeID: UTF8Text.append(a.erp.employeeID, to: &out)
        case .erpLetterTemplateID: UTF8Text.append(a.erp.letterTemplateID, to: &out)
        case .extras: ListCodec.write(a.extras, to: &out)
        }
    }

    /// Sets the field from canonical text. Values that read but are wrong (port
    /// 70000, an unknown security word) are kept; text that cannot be a value of
    /// the field's kind (a port `abc`) throws.
    public func assign(_ t: String, to a: inout MailAccount) throws(FieldValueError) {
        if assignText(t, to: &a) { return }
        var t = t
        var failure: FieldValueError?
        t.withUTF8 { bytes in
            do throws(FieldValueError) { try assign(utf8: bytes, to: &a) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Sets the field from canonical text given as valid UTF-8 (what a reader
    /// has in its buffer), making a String only where the model keeps text.
    public func assign(utf8 t: UnsafeBufferPointer<UInt8>, to a: inout MailAccount) throws(FieldValueError) {
        switch self {
        case .incomingProtocol: a.incoming.protocolKind = t.isEmpty ? nil : IncomingProtocol(utf8: t)
        case .incomingPort: a.incoming.port = try integer(t)
        case .incomingSecurity: a.incoming.security = t.isEmpty ? nil : ConnectionSecurity(utf8: t)
        case .incomingAuth: a.incoming.authentication = t.isEmpty ? nil : AuthenticationMethod(utf8: t)
        case .incomingOAuthProvider: a.incoming.oauthProvider = t.isEmpty ? nil : OAuthProvider(utf8: t)
        case .incomingDeleteOnServer: a.incoming.deleteOnServer = try boolean(t)
        case .incomingFetchFrom: a.incoming.fetchFrom = try date(t)
        case .incomingCopyToSent: a.incoming.copyToSent = try boolean(t)
        case .outgoingEnabled: a.outgoing.enabled = try boolean(t)
        case .outgoingMethod: a.outgoing.method = t.isEmpty ? nil : SendingMethod(utf8: t)
        case .outgoingPort: a.outgoing.port = try integer(t)
        case .outgoingSecurity: a.outgoing.security = t.isEmpty ? nil : ConnectionSecurity(utf8: t)
        case .outgoingAuth: a.outgoing.authentication = t.isEmpty ? nil : AuthenticationMethod(utf8: t)
        case .outgoingOAuthProvider: a.outgoing.oauthProvider = t.isEmpty ? nil : OAuthProvider(utf8: t)
        case .outgoingDebug: a.outgoing.debug = try boolean(t)
        case .usableAsSender: a.roles.usableAsSender = try boolean(t)
        case .usableAsReplyTo: a.roles.usableAsReplyTo = try boolean(t)
        case .global: a.roles.global = try boolean(t)
        case .isDefault: a.roles.isDefault = try boolean(t)
        case .ticketEnabled: a.ticket.enabled = try boolean(t)
        case .ticketMarkClosed: a.ticket.markClosed = try boolean(t)
        case .ticketAnswerFromInbound: a.ticket.answerFromInbound = try boolean(t)
        case .archiveEnabled: a.archive.enabled = try boolean(t)
        case .archiveDeleteAfterDays: a.archive.deleteAfterDays = t.isEmpty ? nil : ArchiveRetention(canonicalName: UTF8Text.string(t))
        case .autoresponderEnabled: a.autoresponder.enabled = try boolean(t)
        case .autoresponderOncePerDay: a.autoresponder.oncePerDay = try boolean(t)
        case .signatureEnabled: a.signature.enabled = try boolean(t)
        case .extras: a.extras = try map(t)
        case .outgoingBcc, .visibleToUsers, .visibleToGroups, .importSenderPatterns:
            assignList(ListCodec.decode(utf8: t), to: &a)
        default: _ = assignText(UTF8Text.string(t), to: &a)
        }
    }

    /// Sets a list field to `items`, and says so; false for a field of any
    /// other kind. A reader that has the items already (a spreadsheet's
    /// comma-separated cell) sets them without encoding and decoding a list.
    @discardableResult
    public func assignList(_ items: consuming [String], to a: inout MailAccount) -> Bool {
        switch self {
        case .outgoingBcc: a.outgoing.bcc = items
        case .visibleToUsers: a.roles.visibleToUsers = items
        case .visibleToGroups: a.roles.visibleToGroups = items
        case .importSenderPatterns: a.importFilter.senderPatterns = items
        default: return false
        }
        return true
    }

    /// Sets a text field (free text or a secret) to `t` as it is, and says
    /// so; false for a field of any other kind. A reader that has the text as
    /// a String already keeps it instead of making it again from its bytes.
    @discardableResult
    public func assignText(_ t: consuming String, to a: inout MailAccount) -> Bool {
        switch self {
        case .email: a.identity.email = t
        case .displayName: a.identity.displayName = t
        case .description: a.identity.description = t
        case .origin: a.identity.origin = t
        case .incomingHost: a.incoming.host = t
        case .incomingUser: a.incoming.userName = t
        case .incomingPassword: a.incoming.password = Secret(t)
        case .incomingSentFolder: a.incoming.sentFolder = t
        case .incomingDraftsFolder: a.incoming.draftsFolder = t
        case .incomingTrashFolder: a.incoming.trashFolder = t
        case .outgoingHost: a.outgoing.host = t
        case .outgoingOAuthParameter: a.outgoing.oauthParameter = Secret(t)
        case .outgoingUser: a.outgoing.userName = t
        case .outgoingPassword: a.outgoing.password = Secret(t)
        case .outgoingSenderAddress: a.outgoing.senderAddress = t
        case .outgoingSenderName: a.outgoing.senderName = t
        case .outgoingClientAlias: a.outgoing.clientAlias = t
        case .privateOwner: a.roles.privateOwner = t
        case .ticketQueue: a.ticket.queue = t
        case .ticketProject: a.ticket.project = t
        case .autoresponderSubject: a.autoresponder.subject = t
        case .autoresponderText: a.autoresponder.text = t
        case .signatureHTML: a.signature.html = t
        case .erpProjectID: a.erp.projectID = t
        case .erpCompanyID: a.erp.companyID = t
        case .erpEmployeeID: a.erp.employeeID = t
        case .erpLetterTemplateID: a.erp.letterTemplateID = t
        default: return false
        }
        return true
    }

    /// A text field's value as the model holds it (a secret in clear: callers
    /// redact); nil for a field of any other kind. The inverse of `assignText`.
    public func textValue(in a: MailAccount) -> String? {
        switch self {
        case .email: a.identity.email
        case .displayName: a.identity.displayName
        case .description: a.identity.description
        case .origin: a.identity.origin
        case .incomingHost: a.incoming.host
        case .incomingUser: a.incoming.userName
        case .incomingPassword: a.incoming.password.revealed()
        case .incomingSentFolder: a.incoming.sentFolder
        case .incomingDraftsFolder: a.incoming.draftsFolder
        case .incomingTrashFolder: a.incoming.trashFolder
        case .outgoingHost: a.outgoing.host
        case .outgoingOAuthParameter: a.outgoing.oauthParameter.revealed()
        case .outgoingUser: a.outgoing.userName
        case .outgoingPassword: a.outgoing.password.revealed()
        case .outgoingSenderAddress: a.outgoing.senderAddress
        case .outgoingSenderName: a.outgoing.senderName
        case .outgoingClientAlias: a.outgoing.clientAlias
        case .privateOwner: a.roles.privateOwner
        case .ticketQueue: a.ticket.queue
        case .ticketProject: a.ticket.project
        case .autoresponderSubject: a.autoresponder.subject
        case .autoresponderText: a.autoresponder.text
        case .signatureHTML: a.signature.html
        case .erpProjectID: a.erp.projectID
        case .erpCompanyID: a.erp.companyID
        case .erpEmployeeID: a.erp.employeeID
        case .erpLetterTemplateID: a.erp.letterTemplateID
        default: nil
        }
    }

    /// A switch field's value; nil for a field of any other kind.
    public func flag(in a: MailAccount) -> Bool? {
        switch self {
        case .incomingDeleteOnServer: a.incoming.deleteOnServer
        case .incomingCopyToSent: a.incoming.copyToSent
        case .outgoingEnabled: a.outgoing.enabled
        case .outgoingDebug: a.outgoing.debug
        case .usableAsSender: a.roles.usableAsSender
        case .usableAsReplyTo: a.roles.usableAsReplyTo
        case .global: a.roles.global
        case .isDefault: a.roles.isDefault
        case .ticketEnabled: a.ticket.enabled
        case .ticketMarkClosed: a.ticket.markClosed
        case .ticketAnswerFromInbound: a.ticket.answerFromInbound
        case .archiveEnabled: a.archive.enabled
        case .autoresponderEnabled: a.autoresponder.enabled
        case .autoresponderOncePerDay: a.autoresponder.oncePerDay
        case .signatureEnabled: a.signature.enabled
        default: nil
        }
    }

    /// Sets a switch field to `on`, and says so; false for a field of any
    /// other kind. A reader that knows the switch's state (an `int(1)`
    /// column's `0` or `1`) sets it without writing and parsing a word.
    @discardableResult
    public func assignFlag(_ on: Bool, to a: inout MailAccount) -> Bool {
        switch self {
        case .incomingDeleteOnServer: a.incoming.deleteOnServer = on
        case .incomingCopyToSent: a.incoming.copyToSent = on
        case .outgoingEnabled: a.outgoing.enabled = on
        case .outgoingDebug: a.outgoing.debug = on
        case .usableAsSender: a.roles.usableAsSender = on
        case .usableAsReplyTo: a.roles.usableAsReplyTo = on
        case .global: a.roles.global = on
        case .isDefault: a.roles.isDefault = on
        case .ticketEnabled: a.ticket.enabled = on
        case .ticketMarkClosed: a.ticket.markClosed = on
        case .ticketAnswerFromInbound: a.ticket.answerFromInbound = on
        case .archiveEnabled: a.archive.enabled = on
        case .autoresponderEnabled: a.autoresponder.enabled = on
        case .autoresponderOncePerDay: a.autoresponder.oncePerDay = on
        case .signatureEnabled: a.signature.enabled = on
        default: return false
        }
        return true
    }

    private func integer(_ t: UnsafeBufferPointer<UInt8>) throws(FieldValueError) -> Int? {
        if t.isEmpty { return nil }
        guard let n = UTF8Text.integer(t) else {
            throw FieldValueError(field: name, text: UTF8Text.string(t), expected: "a whole number")
        }
        return n
    }

    private func boolean(_ t: UnsafeBufferPointer<UInt8>) throws(FieldValueError) -> Bool {
        if t.isEmpty || UTF8Text.equals(t, "false" as StaticString) { return false }
        if UTF8Text.equals(t, "true" as StaticString) { return true }
        switch UTF8Text.string(t).foldedForComparison() {
        case "false", "0", "no": return false
        case "true", "1", "yes": return true
        default: throw FieldValueError(field: name, text: UTF8Text.string(t), expected: "true or false")
        }
    }

    private func date(_ t: UnsafeBufferPointer<UInt8>) throws(FieldValueError) -> CalendarDate? {
        if t.isEmpty { return nil }
        guard let d = CalendarDate(isoUTF8: t) else {
            throw FieldValueError(field: name, text: UTF8Text.string(t), expected: "a date YYYY-MM-DD")
        }
        return d
    }

    private func map(_ t: UnsafeBufferPointer<UInt8>) throws(FieldValueError) -> [ExtraField] {
        if t.isEmpty { return [] }
        guard let m = ListCodec.decodeMap(UTF8Text.string(t)) else {
            throw FieldValueError(field: name, text: UTF8Text.string(t), expected: "name=value items separated by ';'")
        }
        return m
    }
}
