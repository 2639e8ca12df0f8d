import ConnectTest
import Foundation
import MailModel
import Testing

/// Every status against a real peer: Dovecot, Postfix with Dovecot SASL, a
/// port nobody listens on, one that never speaks, a name that cannot resolve.
@Suite(.serialized, .enabled(if: MailServers.available, "needs the servers of scripts/mail-servers (scripts/test starts them)"))
struct ConnectTests {
    static let anna = ProbeLogin(user: "anna", password: Secret("Anna-Secret-1"), method: .password)
    static let wrong = ProbeLogin(user: "anna", password: Secret("Wrong-Password-9"), method: .password)

    func probe(
        _ service: MailService, _ port: String, _ security: ConnectionSecurity, host: String = "localhost",
        login: ProbeLogin? = nil, configure: (inout ProbeOptions) -> Void = { _ in }
    ) async throws -> ProbeResult {
        var options = ProbeOptions()
        options.caFile = MailServers.caFile
        options.timeout = 2
        options.login = login != nil
        configure(&options)
        let prober = try MailProber(options: options)
        let target = ProbeTarget(service: service, host: host, port: MailServers.port(port), security: security)
        let result = await prober.probe(target, login: login)
        await prober.shutdown()
        #expect(!"\(result)".contains("Anna-Secret-1") && !"\(result)".contains("Wrong-Password-9"), "a password in the result")
        return result
    }

    @Test func imapsIsOK() async throws {
        let r = try await probe(.imap, "IMAPS", .tls)
        #expect(r.status == .ok)
        #expect(r.detail == "reachable over TLS")
        #expect(r.tlsVersion == "TLSv1.3")
        #expect(r.certificateSubject == "CN=localhost")
        #expect(r.capabilities.contains("IMAP4rev1"))
        #expect(r.authMechanisms == ["PLAIN", "LOGIN"])
        #expect(r.timings.map(\.step) == ["connect+tls", "greeting", "capabilities", "logout"])
        #expect(r.insecure == false && r.login == nil)
        #expect((r.certificateExpiry?.timeIntervalSinceNow ?? 0) > 3600)
    }

    @Test(arguments: [
        (MailService.imap, "IMAP_STARTTLS", ConnectionSecurity.starttls), (.imap, "IMAPS", .tls),
        (.pop3, "POP3_STLS", .starttls), (.pop3, "POP3S", .tls),
        (.smtp, "SUBMISSION", .starttls), (.smtp, "SUBMISSIONS", .tls),
    ])
    func loginWorksOnEveryEndpoint(service: MailService, port: String, security: ConnectionSecurity) async throws {
        let r = try await probe(service, port, security, login: Self.anna)
        #expect(r.status == .ok, "\(r.detail)")
        #expect(r.login == .init(status: .ok, detail: "logged in as anna"))
        #expect(r.tlsVersion == "TLSv1.3")
        #expect(r.timings.map(\.step).contains("login"))
        if security == .starttls { #expect(r.timings.map(\.step).contains("starttls")) }
    }

    @Test(arguments: [(MailService.imap, "IMAPS"), (.pop3, "POP3S"), (.smtp, "SUBMISSIONS")])
    func aWrongPasswordIsAuthFailed(service: MailService, port: String) async throws {
        // Dovecot answers a failed login after auth_failure_delay (2 s).
        let r = try await probe(service, port, .tls, login: Self.wrong) { $0.timeout = 8 }
        #expect(r.status == .authFailed)
        #expect(r.detail.hasPrefix("the server refused the login: "), "\(r.detail)")
    }

    @Test func aCertificateForAnotherName() async throws {
        let r = try await probe(.imap, "IMAPS_WRONG_NAME", .tls)
        #expect(r.status == .tlsError)
        #expect(r.detail == "name mismatch: the certificate is for wrong.example, not localhost")
        #expect(r.certificateSubject == "CN=wrong.example")
    }

    @Test func anExpiredCertificate() async throws {
        let r = try await probe(.imap, "IMAPS_EXPIRED", .tls)
        #expect(r.status == .tlsError)
        #expect(r.detail == "expired: the certificate was valid until 2021-01-01")
    }

    @Test func anUntrustedCertificateAndInsecure() async throws {
        let r = try await probe(.imap, "IMAPS", .tls) { $0.caFile = nil }
        #expect(r.status == .tlsError)
        #expect(r.detail == "untrusted: the certificate (CN=localhost) is not signed by a trusted CA (--ca-file adds one)")
        let insecure = try await probe(.imap, "IMAPS_EXPIRED", .tls) { $0.caFile = nil; $0.insecure = true }
        #expect(insecure.status == .ok && insecure.insecure)
    }

    @Test func aServerWithoutStartTLS() async throws {
        let r = try await probe(.imap, "IMAP_NO_STARTTLS", .starttls)
        #expect(r.status == .starttlsUnavailable)
        #expect(r.detail == "the server does not offer STARTTLS")
    }

    @Test func aClosedPort() async throws {
        let r = try await probe(.imap, "CLOSED", .tls)
        #expect(r.status == .refused)
        #expect(r.detail == "nothing listens on localhost:\(MailServers.port("CLOSED"))")
    }

    @Test func aPortThatNeverSpeaks() async throws {
        let r = try await probe(.imap, "SILENT", .none) { $0.timeout = 1 }
        #expect(r.status == .timeout)
        #expect(r.detail == "no answer within the timeout at step greeting")
        let tls = try await probe(.imap, "SILENT", .tls) { $0.timeout = 1 }
        #expect(tls.status == .timeout && tls.detail == "no answer within the timeout at step tls-handshake")
    }

    @Test func anUnresolvableName() async throws {
        let r = try await probe(.imap, "IMAPS", .tls, host: "mail.example.invalid")
        #expect(r.status == .dnsError)
        #expect(r.detail == "mail.example.invalid does not resolve (.invalid is reserved, RFC 6761)")
    }

    /// Postfix offers AUTH only after STARTTLS (smtpd_tls_auth_only).
    @Test func noLoginMechanismWithoutTLS() async throws {
        let r = try await probe(.smtp, "SUBMISSION", .none, login: Self.anna) { $0.allowCleartextLogin = true }
        #expect(r.status == .authUnavailable)
        #expect(r.detail == "the server offers no AUTH here")
    }

    @Test func aPasswordIsNotSentWithoutTLS() async throws {
        let r = try await probe(.imap, "IMAP_STARTTLS", .none, login: Self.anna)
        #expect(r.status == .ok)
        #expect(r.login == .init(status: .skipped, detail: "the password would be sent without TLS (--allow-cleartext-login sends it)"))
        let allowed = try await probe(.imap, "IMAP_STARTTLS", .none, login: Self.anna) { $0.allowCleartextLogin = true }
        #expect(allowed.login?.status == .ok)
    }

    @Test func oauthLoginIsSkippedWithWhatTheServerOffers() async throws {
        let oauth = ProbeLogin(user: "anna", password: Secret(""), method: .oauth2)
        let r = try await probe(.imap, "IMAPS", .tls, login: oauth)
        #expect(r.status == .ok)
        #expect(r.login == .init(status: .skipped, detail: "OAuth login is not tested; the server offers neither XOAUTH2 nor OAUTHBEARER"))
    }

    /// IMAP spoken to a POP3 server: the greeting is not IMAP's.
    @Test func aProtocolError() async throws {
        let r = try await probe(.imap, "POP3S", .tls)
        #expect(r.status == .protocolError)
        #expect(r.detail == "greeting: the server answered '+OK Dovecot (Debian) ready.'")
    }
}
