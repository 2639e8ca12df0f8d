import MailModel
import Mappings

/// Microsoft 365's IMAP migration batch (`EmailAddress,UserName,Password`):
/// the `m365` layout, holding only the accounts Exchange Online can migrate
/// from. An account it could not use (no address, a POP3 mailbox, no user or
/// no password) is named with the reason and left out, rather than written
/// as a row the migration batch rejects or fails on.
public final class M365BatchWriter: AccountWriter {
    private let rows: ProfileCSVWriter
    private let warn: (String) -> Void

    public init(sink: ByteSink, secrets: SecretPolicy, warn: @escaping (String) -> Void) throws {
        rows = ProfileCSVWriter(sink: sink, codec: try ProfileCodec(BuiltInProfiles.m365), secrets: secrets, warn: { _ in })
        self.warn = warn
    }

    public func write(_ account: MailAccount) throws(OutputError) {
        if let problem = Self.problem(account) {
            warn("\(AccountLabel.of(account)): \(problem); left out")
            return
        }
        try rows.write(account)
    }

    public func finish() throws(OutputError) { try rows.finish() }

    /// Why the batch cannot hold the account, or nil.
    static func problem(_ account: MailAccount) -> String? {
        if BlankText.isBlank(account.identity.email) { return "no e-mail address, which the batch is keyed by" }
        if account.incoming.protocolKind == .pop3 { return "a POP3 mailbox, and Microsoft 365 migrates IMAP mailboxes only" }
        if BlankText.isBlank(account.incoming.userName) { return "no user name to log in with" }
        if account.incoming.password.revealed().isEmpty { return "no password to log in with (an OAuth account?)" }
        return nil
    }
}
