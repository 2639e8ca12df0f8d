import MailModel

/// OpenXE's numeric and word codes for security and login, as its source
/// defines them (../shared/reference/openxe.md), in both directions. A code
/// OpenXE does not define is kept as `unrecognized("column code")`, so
/// validation names it and a writer gives the same code back.
enum OpenXEWords {
    /// `emailbackup.imap_type`: 1 Standard (no TLS), 3 SSL, 5 OAuth (OpenXE's
    /// only OAuth provider is Google).
    static func readImapType(_ code: String, into account: inout MailAccount) {
        switch code {
        case "1": (account.incoming.security, account.incoming.authentication) = (ConnectionSecurity.none, .password)
        case "3": (account.incoming.security, account.incoming.authentication) = (.tls, .password)
        case "5":
            (account.incoming.security, account.incoming.authentication) = (.tls, .oauth2)
            account.incoming.oauthProvider = .google
        default: (account.incoming.security, account.incoming.authentication) = (.unrecognized("imap_type \(code)"), .password)
        }
    }

    static func imapType(of account: MailAccount) -> String {
        if let raw = code(account.incoming.security?.unrecognizedWord, column: "imap_type") { return raw }
        if account.incoming.authentication == .oauth2 { return "5" }
        return account.incoming.security == ConnectionSecurity.none ? "1" : "3"
    }

    /// `smtp_ssl` of `emailbackup` and `mailssl` of `firmendaten`: 0 none, 1 TLS (STARTTLS), 2 SSL.
    static func readSmtpSecurity(_ code: String, column: String) -> ConnectionSecurity {
        switch code {
        case "0": .none
        case "1": .starttls
        case "2": .tls
        default: .unrecognized("\(column) \(code)")
        }
    }

    static func smtpSecurity(_ security: ConnectionSecurity?, column: String) -> String {
        if let raw = code(security?.unrecognizedWord, column: column) { return raw }
        switch security {
        case .starttls: return "1"
        case .tls: return "2"
        default: return "0"
        }
    }

    /// `smtp_authtype`: '' none, 'smtp' user and password, 'oauth_google'; compared lower-cased.
    static func readSmtpAuthType(_ word: String, into account: inout MailAccount) {
        switch word.lowercased() {
        case "": account.outgoing.authentication = AuthenticationMethod.none
        case "smtp": account.outgoing.authentication = .password
        case "oauth_google": (account.outgoing.authentication, account.outgoing.oauthProvider) = (.oauth2, .google)
        default: account.outgoing.authentication = .unrecognized("smtp_authtype \(word)")
        }
    }

    static func smtpAuthType(of account: MailAccount) -> String {
        let outgoing = account.outgoing
        if let raw = code(outgoing.authentication?.unrecognizedWord, column: "smtp_authtype") { return raw }
        switch outgoing.authentication {
        case .password: return "smtp"
        case .oauth2: return outgoing.oauthProvider == .google ? "oauth_google" : ""
        case .none?: return ""
        case nil: return outgoing.userName.isEmpty ? "" : "smtp"
        case .unrecognized: return ""
        }
    }

    /// The code of an `unrecognized("column code")` word of this column.
    private static func code(_ word: String?, column: String) -> String? {
        guard let word, word.hasPrefix(column + " ") else { return nil }
        return String(word.dropFirst(column.count + 1))
    }
}
