import MailModel
import Testing

@Suite struct SecretTests {
    let secret = Secret("Sommer2024!Mm")

    @Test func descriptionNeverShowsTheValue() {
        #expect(secret.description == "<redacted>")
        #expect(secret.debugDescription == "Secret(<redacted>)")
        #expect("\(secret)" == "<redacted>")
        #expect(String(describing: secret) == "<redacted>")
        #expect(String(reflecting: secret) == "Secret(<redacted>)")
    }

    @Test func dumpNeverShowsTheValue() {
        var out = ""
        dump(secret, to: &out)
        #expect(!out.contains("Sommer"))
        var account = MailAccount()
        account.incoming.password = secret
        account.outgoing.password = secret
        account.outgoing.oauthParameter = Secret("token-4711")
        var accountDump = ""
        dump(account, to: &accountDump)
        #expect(!accountDump.contains("Sommer"))
        #expect(!accountDump.contains("token-4711"))
        #expect(!String(describing: account).contains("Sommer"))
        #expect(!String(reflecting: account).contains("Sommer"))
    }

    @Test func revealingTakesAnExplicitCall() {
        #expect(secret.revealed() == "Sommer2024!Mm")
        #expect(Secret("").description == "")
        #expect(Secret("").isEmpty)
    }
}
