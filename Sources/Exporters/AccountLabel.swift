import MailModel

/// How warnings name an account: its address and where it was read from,
/// `info@example.de (accounts.csv:2)`, so the user can find the row.
enum AccountLabel {
    static func of(_ account: MailAccount) -> String {
        let email = account.identity.email.isEmpty ? "(no address)" : account.identity.email
        return account.identity.origin.isEmpty ? email : "\(email) (\(account.identity.origin))"
    }
}
