import Foundation
import MailModel
import NIOCore
import NIOPosix
import NIOSSL

/// Tests one endpoint, step by step: connect (with implicit TLS), greeting,
/// capabilities, STARTTLS where the settings ask for it, capabilities
/// again, with a login the login, then a clean logout. Each step is timed;
/// the first that fails gives the status. A password never goes over a
/// connection without TLS unless `allowCleartextLogin` is set.
public final class MailProber: Sendable {
    private let group: any EventLoopGroup
    private let verifying: NIOSSLContext
    private let trustingAll: NIOSSLContext
    private let options: ProbeOptions
    /// Server names looked up once for the prober's whole run.
    private let addresses = ServerAddressBook()

    public init(options: ProbeOptions) throws {
        self.options = options
        // The process-wide group: when it also runs Swift Concurrency
        // (NIOSingletons' take-over, as the CLI does), awaits need no thread hop.
        group = MultiThreadedEventLoopGroup.singleton
        var secure = TLSConfiguration.makeClientConfiguration()
        secure.certificateVerification = options.insecure ? .none : .fullVerification
        if let ca = options.caFile {
            secure.additionalTrustRoots = [.certificates(try NIOSSLCertificate.fromPEMFile(ca))]
        }
        verifying = try NIOSSLContext(configuration: secure)
        var open = TLSConfiguration.makeClientConfiguration()
        open.certificateVerification = .none
        trustingAll = try NIOSSLContext(configuration: open)
    }

    /// Nothing to release: the group is the process's singleton.
    public func shutdown() async {}

    static func dialect(for service: MailService) -> any MailDialect {
        switch service {
        case .imap: IMAPDialect()
        case .pop3: POP3Dialect()
        case .smtp: SMTPDialect(clientName: "mailmigrate.localhost")
        }
    }

    /// Tests `target`; with `login` (and `--login`) also logs in.
    public func probe(_ target: ProbeTarget, login: ProbeLogin? = nil) async -> ProbeResult {
        var result = ProbeResult(target: target, status: .ok, detail: "")
        result.insecure = options.insecure
        let dialect = Self.dialect(for: target.service)
        var clock = StepClock()
        let session: MailSession
        do {
            session = try await MailSession.connect(
                to: target, group: group, addresses: addresses, tls: target.security == .tls ? verifying : nil, timeout: options.timeout)
            clock.lap(target.security == .tls ? "connect+tls" : "connect", into: &result)
        } catch {
            return await finish(result, error, clock: &clock)
        }
        do {
            try await dialect.greeting(session)
            clock.lap("greeting", into: &result)
            var offered = try await dialect.capabilities(session)
            clock.lap("capabilities", into: &result)
            if target.security == .starttls {
                guard offered.offersStartTLS else {
                    await dialect.logout(session)
                    await session.close()
                    result.capabilities = offered.capabilities
                    result.authMechanisms = offered.mechanisms
                    result.status = .starttlsUnavailable
                    result.detail = "the server does not offer \(target.service == .pop3 ? "STLS" : "STARTTLS")"
                    return result
                }
                try await dialect.startTLS(session)
                try await session.upgrade(with: verifying)
                clock.lap("starttls", into: &result)
                offered = try await dialect.capabilities(session)
                clock.lap("capabilities", into: &result)
            }
            result.capabilities = offered.capabilities
            result.authMechanisms = offered.mechanisms
            if session.isEncrypted {
                let (version, certificate) = await session.tlsDetails()
                result.tlsVersion = version
                if let certificate {
                    result.certificateSubject = CertificateCheck.subject(of: certificate)
                    result.certificateExpiry = Date(timeIntervalSince1970: TimeInterval(certificate.notValidAfter))
                }
            }
            if options.login, let login {
                result.login = await self.login(login, session: session, dialect: dialect, offered: offered, clock: &clock, result: &result)
                if let outcome = result.login, outcome.status.isFailure {
                    result.status = outcome.status
                    result.detail = outcome.detail
                }
            }
            await dialect.logout(session)
            clock.lap("logout", into: &result)
            await session.close()
            if result.detail.isEmpty { result.detail = session.isEncrypted ? "reachable over TLS" : "reachable without TLS" }
            return result
        } catch {
            await session.close()
            return await finish(result, error, clock: &clock)
        }
    }

    private func login(
        _ login: ProbeLogin, session: MailSession, dialect: any MailDialect, offered: ServerCapabilities,
        clock: inout StepClock, result: inout ProbeResult
    ) async -> ProbeResult.LoginOutcome {
        if login.method == .oauth2 {
            let oauth = offered.mechanisms.filter { $0 == "XOAUTH2" || $0 == "OAUTHBEARER" }
            return .init(
                status: .skipped,
                detail: "OAuth login is not tested; the server offers " + (oauth.isEmpty ? "neither XOAUTH2 nor OAUTHBEARER" : oauth.joined(separator: " and ")))
        }
        if !session.isEncrypted && !options.allowCleartextLogin {
            return .init(status: .skipped, detail: "the password would be sent without TLS (--allow-cleartext-login sends it)")
        }
        if login.user.isEmpty || login.password.isEmpty {
            return .init(status: .skipped, detail: "no user or password to log in with")
        }
        do {
            try await dialect.login(session, user: login.user, password: login.password.revealed(), offered: offered)
            clock.lap("login", into: &result)
            return .init(status: .ok, detail: "logged in as \(login.user)")
        } catch {
            clock.lap("login", into: &result)
            return .init(status: error.status, detail: error.detail)
        }
    }

    /// The result of a failed step; a rejected certificate is looked at
    /// again (verification off) to say why it was rejected.
    private func finish(_ result: ProbeResult, _ error: ProbeFailure, clock: inout StepClock) async -> ProbeResult {
        var result = result
        result.status = error.status
        result.detail = error.detail
        if error.status == .tlsError, error.detail.hasPrefix("certificate rejected") || error.detail.hasPrefix("name mismatch") {
            if let certificate = await fetchCertificate(result.target) {
                result.detail = CertificateCheck.reason(for: certificate, host: result.target.host)
                result.certificateSubject = CertificateCheck.subject(of: certificate)
                result.certificateExpiry = Date(timeIntervalSince1970: TimeInterval(certificate.notValidAfter))
            }
        }
        return result
    }

    /// The server's certificate, with verification off (only to explain a rejection).
    private func fetchCertificate(_ target: ProbeTarget) async -> NIOSSLCertificate? {
        do {
            let session: MailSession
            if target.security == .tls {
                session = try await MailSession.connect(to: target, group: group, addresses: addresses, tls: trustingAll, timeout: options.timeout)
            } else {
                session = try await MailSession.connect(to: target, group: group, addresses: addresses, tls: nil, timeout: options.timeout)
                let dialect = Self.dialect(for: target.service)
                try await dialect.greeting(session)
                _ = try await dialect.capabilities(session)
                try await dialect.startTLS(session)
                try await session.upgrade(with: trustingAll)
            }
            let certificate = await session.tlsDetails().certificate
            await session.close()
            return certificate
        } catch {
            return nil
        }
    }
}

/// Times the steps of one probe.
struct StepClock {
    private var last = ContinuousClock.now

    mutating func lap(_ step: String, into result: inout ProbeResult) {
        let now = ContinuousClock.now
        let elapsed = last.duration(to: now)
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        result.timings.append(StepTiming(step: step, milliseconds: (ms * 10).rounded() / 10))
        last = now
    }
}
