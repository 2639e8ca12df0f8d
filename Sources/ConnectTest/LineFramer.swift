import NIOCore
import NIOSSL
import NIOTLS

/// The inbound end of a mail session's pipeline: splits what arrives into
/// CRLF lines and hands them, one at a time, to whoever waits; also reports
/// the end of the TLS handshake and any error of the pipeline (a TLS alert,
/// the peer closing) to the waiter. Lives on the channel's event loop only
/// (every call below comes through `eventLoop.execute`/`submit`; that is why
/// it may be handed to those closures).
final class LineFramer: ChannelInboundHandler, RemovableChannelHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    private var pending = ByteBuffer()
    private var lines: [String] = []
    private var lineWaiter: EventLoopPromise<String>?
    private var handshakeWaiter: EventLoopPromise<Void>?
    private var handshakeDone = false
    private var failure: Error?
    /// The longest line accepted (a server that sends endless bytes without a line end is broken).
    static let lineLimit = 64 * 1024

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        pending.writeBuffer(&incoming)
        while let newline = pending.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            let length = newline - pending.readerIndex
            var line = pending.readString(length: length) ?? ""
            pending.moveReaderIndex(forwardBy: 1)
            if line.hasSuffix("\r") { line.removeLast() }
            lines.append(line)
        }
        if pending.readableBytes > Self.lineLimit { fail(ProbeFailure(status: .protocolError, detail: "a line longer than 64 KB")) }
        pending.discardReadBytes()
        deliver()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent {
            handshakeDone = true
            handshakeWaiter?.succeed(())
            handshakeWaiter = nil
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(ProbeFailure(status: .protocolError, detail: "the server closed the connection"))
    }

    private func fail(_ error: Error) {
        if failure == nil { failure = error }
        lineWaiter?.fail(error)
        lineWaiter = nil
        handshakeWaiter?.fail(error)
        handshakeWaiter = nil
    }

    private func deliver() {
        guard let waiter = lineWaiter, !lines.isEmpty else { return }
        lineWaiter = nil
        waiter.succeed(lines.removeFirst())
    }

    // MARK: Called on the event loop by MailSession

    func nextLine(_ promise: EventLoopPromise<String>) {
        if !lines.isEmpty {
            promise.succeed(lines.removeFirst())
        } else if let failure {
            promise.fail(failure)
        } else {
            lineWaiter = promise
        }
    }

    func handshake(_ promise: EventLoopPromise<Void>) {
        if handshakeDone {
            promise.succeed(())
        } else if let failure {
            promise.fail(failure)
        } else {
            handshakeWaiter = promise
        }
    }

    /// Fails the waiter of a step that took too long.
    func expire(_ error: ProbeFailure) {
        lineWaiter?.fail(error)
        lineWaiter = nil
        handshakeWaiter?.fail(error)
        handshakeWaiter = nil
    }

    /// Lines received before the TLS upgrade must not be taken as after it.
    var hasBufferedInput: Bool { !lines.isEmpty || pending.readableBytes > 0 }
}
