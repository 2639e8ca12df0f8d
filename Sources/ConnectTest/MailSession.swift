import Foundation
import MailModel
import NIOCore
import NIOPosix
import NIOSSL

/// One TCP connection to a mail server, line by line, with a deadline on
/// every step: connect (with TLS first for implicit TLS), read a line, send
/// a line, upgrade to TLS in the middle (STARTTLS), close. Errors become
/// `ProbeFailure`s with the status they mean.
final class MailSession: @unchecked Sendable {
    let channel: Channel
    private let framer: LineFramer
    private let timeout: TimeAmount
    private let host: String
    /// Whether the connection is encrypted now.
    private(set) var isEncrypted: Bool

    private init(channel: Channel, framer: LineFramer, timeout: TimeAmount, host: String, encrypted: Bool) {
        self.channel = channel
        self.framer = framer
        self.timeout = timeout
        self.host = host
        self.isEncrypted = encrypted
    }

    /// Connects; with `tls` the TLS handshake is done before it returns.
    static func connect(
        to target: ProbeTarget, group: EventLoopGroup, addresses: ServerAddressBook, tls: NIOSSLContext?,
        timeout: Double
    ) async throws(ProbeFailure) -> MailSession {
        let amount = TimeAmount.milliseconds(Int64(timeout * 1000))
        if Self.isReservedName(target.host) {
            throw ProbeFailure(status: .dnsError, detail: "\(target.host) does not resolve (.invalid is reserved, RFC 6761)")
        }
        let framer = LineFramer()
        let hostname = Self.wireName(target.host)
        let loop = group.next()
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(amount)
            .resolver(addresses.resolver(on: loop))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        let handler = try NIOSSLClientHandler(context: tls, serverHostname: Self.sniName(hostname))
                        try channel.pipeline.syncOperations.addHandler(handler)
                    }
                    try channel.pipeline.syncOperations.addHandler(framer)
                }
            }
        let channel: Channel
        do {
            channel = try await bootstrap.connect(host: hostname, port: target.port).get()
        } catch {
            throw Self.connectFailure(error, target: target)
        }
        let session = MailSession(channel: channel, framer: framer, timeout: amount, host: hostname, encrypted: tls != nil)
        if tls != nil { try await session.waitForHandshake(step: "tls-handshake") }
        return session
    }

    /// The next line from the server.
    func readLine(step: String) async throws(ProbeFailure) -> String {
        let promise = channel.eventLoop.makePromise(of: String.self)
        let framer = self.framer
        channel.eventLoop.execute { framer.nextLine(promise) }
        let expiry = channel.eventLoop.scheduleTask(in: timeout) { framer.expire(.timeout(step)) }
        defer { expiry.cancel() }
        do {
            return try await promise.futureResult.get()
        } catch {
            throw Self.failure(error, step: step)
        }
    }

    /// Sends a line (CRLF added).
    func send(_ line: String, step: String) async throws(ProbeFailure) {
        do {
            try await channel.writeAndFlush(ByteBuffer(string: line + "\r\n")).get()
        } catch {
            throw Self.failure(error, step: step)
        }
    }

    /// Starts TLS on the open connection (after STARTTLS/STLS was accepted).
    func upgrade(with context: NIOSSLContext) async throws(ProbeFailure) {
        let hostname = host
        let framer = self.framer
        do {
            try await channel.eventLoop.submit {
                guard !framer.hasBufferedInput else {
                    throw ProbeFailure(status: .protocolError, detail: "the server sent data before the TLS handshake (STARTTLS injection?)")
                }
                let handler = try NIOSSLClientHandler(context: context, serverHostname: Self.sniName(hostname))
                try self.channel.pipeline.syncOperations.addHandler(handler, position: .first)
            }.get()
        } catch {
            throw Self.failure(error, step: "tls-handshake")
        }
        try await waitForHandshake(step: "tls-handshake")
        isEncrypted = true
    }

    private func waitForHandshake(step: String) async throws(ProbeFailure) {
        let promise = channel.eventLoop.makePromise(of: Void.self)
        let framer = self.framer
        channel.eventLoop.execute { framer.handshake(promise) }
        let expiry = channel.eventLoop.scheduleTask(in: timeout) { framer.expire(.timeout(step)) }
        defer { expiry.cancel() }
        do {
            try await promise.futureResult.get()
        } catch {
            throw Self.failure(error, step: step)
        }
    }

    /// TLS version and the server's certificate, once TLS is up.
    func tlsDetails() async -> (version: String?, certificate: NIOSSLCertificate?) {
        let version = try? await channel.nioSSL_tlsVersion().get()
        let certificate = try? await channel.nioSSL_peerCertificate().get()
        return (version.map(Self.name), certificate ?? nil)
    }

    func close() async {
        try? await channel.close().get()
    }

    // MARK: Errors to statuses

    static func failure(_ error: Error, step: String) -> ProbeFailure {
        if let failure = error as? ProbeFailure { return failure }
        if let tls = error as? NIOSSLError { return ProbeFailure(status: .tlsError, detail: TLSReason.describe(tls)) }
        if let extra = error as? NIOSSLExtraError {
            return ProbeFailure(status: .tlsError, detail: TLSReason.describe(extra))
        }
        if let channelError = error as? ChannelError {
            switch channelError {
            case .connectTimeout: return .timeout(step)
            case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed:
                return ProbeFailure(status: .protocolError, detail: "\(step): the server closed the connection")
            default: break
            }
        }
        return ProbeFailure(status: .protocolError, detail: "\(step): \(error)")
    }

    private static func connectFailure(_ error: Error, target: ProbeTarget) -> ProbeFailure {
        if let connection = error as? NIOConnectionError {
            if connection.connectionErrors.isEmpty, connection.dnsAError != nil || connection.dnsAAAAError != nil {
                return ProbeFailure(status: .dnsError, detail: "\(target.host) does not resolve")
            }
            for failure in connection.connectionErrors {
                if let io = failure.error as? IOError, io.errnoCode == ECONNREFUSED {
                    return ProbeFailure(status: .refused, detail: "nothing listens on \(target.host):\(target.port)")
                }
                if case ChannelError.connectTimeout = failure.error { return .timeout("connect") }
            }
            return ProbeFailure(status: .refused, detail: "cannot connect to \(target.host):\(target.port)")
        }
        if let io = error as? IOError, io.errnoCode == ECONNREFUSED {
            return ProbeFailure(status: .refused, detail: "nothing listens on \(target.host):\(target.port)")
        }
        if case ChannelError.connectTimeout = error { return .timeout("connect") }
        if error is SocketAddressError { return ProbeFailure(status: .dnsError, detail: "\(target.host) does not resolve") }
        return failure(error, step: "connect")
    }

    /// RFC 6761: names under .invalid never resolve; answered here, so no query leaves the machine.
    static func isReservedName(_ host: String) -> Bool {
        let lower = host.lowercased()
        return lower == "invalid" || lower.hasSuffix(".invalid") || lower.hasSuffix(".invalid.")
    }

    /// The name DNS is asked for and the certificate is checked against: a
    /// name with letters beyond ASCII in its ASCII form (`imap.xn--mller-bau-q9a.de`),
    /// as both know it; the results keep the name as the account has it.
    static func wireName(_ host: String) -> String {
        InternationalDomainName.asciiForm(of: host) ?? host
    }

    /// SNI takes a name, not an address.
    static func sniName(_ host: String) -> String? {
        host.allSatisfy { $0.isNumber || $0 == "." } || host.contains(":") ? nil : host
    }

    static func name(_ version: TLSVersion) -> String {
        switch version {
        case .tlsv1: "TLSv1.0"
        case .tlsv11: "TLSv1.1"
        case .tlsv12: "TLSv1.2"
        case .tlsv13: "TLSv1.3"
        }
    }
}
