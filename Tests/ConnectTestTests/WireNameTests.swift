@testable import ConnectTest
import Testing

/// A host with letters beyond ASCII is looked up and checked against its
/// certificate in ASCII, as DNS and certificates name it. (No test resolves
/// such a name: none may reach beyond loopback, and only /etc/hosts'
/// localhost resolves here without a query.)
@Suite struct WireNameTests {
    @Test func internationalHostsGoOnTheWireInASCII() {
        #expect(MailSession.wireName("imap.müller-bau.de") == "imap.xn--mller-bau-q9a.de")
        #expect(MailSession.sniName(MailSession.wireName("smtp.köln-süd.de")) == "smtp.xn--kln-sd-wxa6c.de")
        #expect(MailSession.wireName("Mail.Example.DE") == "Mail.Example.DE")
        #expect(MailSession.wireName("127.0.0.1") == "127.0.0.1")
        #expect(MailSession.sniName(MailSession.wireName("::1")) == nil)
    }
}
