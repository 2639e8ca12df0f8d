import Foundation
import MailModel

/// OpenXE's company-wide default sending account ("Grundeinstellungen"): the
/// mail columns of the newest `firmendaten` row and the `email` and
/// `absendername` values of `firmendaten_werte`. It becomes an account of its
/// own, marked `is_default`. `signatur` is stored base64-encoded.
public enum DefaultAccountMapping {
    public static let companyTable = "firmendaten"
    public static let valuesTable = "firmendaten_werte"
    /// The `firmendaten` columns that hold the default account.
    public static let companyColumns = [
        "benutzername", "passwort", "host", "port", "mailssl", "signatur", "mailanstellesmtp", "bcc1", "bcc2",
    ]
    /// The `firmendaten_werte` names (`name` column) that belong to it.
    public static let valueNames = ["email", "absendername"]

    /// The account held by a `firmendaten` row (`company`, by column) and
    /// the `firmendaten_werte` values (by name).
    public static func account(company: [String: String?], values: [String: String]) throws(OpenXEValueError) -> MailAccount {
        func column(_ name: String) -> String { (company[name] ?? nil) ?? "" }
        var account = MailAccount()
        account.roles.isDefault = true
        account.identity.email = values["email"] ?? ""
        account.identity.displayName = values["absendername"] ?? ""
        account.outgoing.senderName = values["absendername"] ?? ""
        account.outgoing.enabled = true
        account.outgoing.method = column("mailanstellesmtp") == "1" ? .systemMail : .smtp
        account.outgoing.host = column("host")
        let port = column("port").trimmingCharacters(in: .whitespaces)
        if !port.isEmpty {
            guard let number = Int(port) else {
                throw OpenXEValueError(column: "port", value: port, expected: "a port number")
            }
            account.outgoing.port = number
        }
        account.outgoing.security = OpenXEWords.readSmtpSecurity(column("mailssl").isEmpty ? "0" : column("mailssl"), column: "mailssl")
        account.outgoing.userName = column("benutzername")
        account.outgoing.password = Secret(column("passwort"))
        account.outgoing.authentication = account.outgoing.userName.isEmpty ? AuthenticationMethod.none : .password
        account.outgoing.bcc = [column("bcc1"), column("bcc2")].filter { !$0.isEmpty }
        let encoded = column("signatur")
        if !encoded.isEmpty {
            guard let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters),
                let html = String(data: data, encoding: .utf8)
            else {
                throw OpenXEValueError(column: "signatur", value: String(encoded.prefix(40)), expected: "base64-encoded UTF-8")
            }
            account.signature.html = html
            account.signature.enabled = !html.isEmpty
        }
        return account
    }

    /// The `firmendaten` columns for a default account, in `companyColumns` order.
    public static func companyRow(for account: MailAccount) -> [String] {
        let o = account.outgoing
        return [
            o.userName, o.password.revealed(), o.host, o.port.map(String.init) ?? "",
            OpenXEWords.smtpSecurity(o.security, column: "mailssl"),
            Data(account.signature.html.utf8).base64EncodedString(),
            o.method == .systemMail ? "1" : "0",
            o.bcc.count > 0 ? o.bcc[0] : "", o.bcc.count > 1 ? o.bcc[1] : "",
        ]
    }

    /// The `firmendaten_werte` values for a default account, in `valueNames` order.
    public static func values(for account: MailAccount) -> [String] {
        [account.identity.email, account.outgoing.senderName.isEmpty ? account.identity.displayName : account.outgoing.senderName]
    }

    /// What of a default account these tables cannot hold (see `EmailbackupMapping.lostFields`).
    public static func lostFields(of account: MailAccount) -> [String] {
        var company: [String: String?] = [:]
        for (name, value) in zip(companyColumns, companyRow(for: account)) { company[name] = value }
        let values = Dictionary(uniqueKeysWithValues: zip(valueNames, Self.values(for: account)))
        guard let back = try? Self.account(company: company, values: values) else { return ["(row does not read back)"] }
        var lost = LostFields.canonical(of: account, readBack: back)
        for extra in account.extras { lost.append("extras.\(extra.name)") }
        return lost
    }
}
