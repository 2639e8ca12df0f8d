import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// The addresses of each server name, looked up once per run and shared by
/// every connection to it. A run tests hundreds of accounts on a handful of
/// servers; asking the system resolver again for each connection cost more
/// CPU than the TLS handshake, and repeats the same question to the
/// customer's DNS. A failed lookup is remembered too, so every account on an
/// unresolvable name gets the same `dns-error`.
final class ServerAddressBook: Sendable {
    /// What `getaddrinfo` answered for one name, by address family, in its order.
    struct Addresses: Sendable {
        var v4: [SocketAddress]
        var v6: [SocketAddress]
    }

    struct LookupFailure: Error, CustomStringConvertible {
        let host: String
        let code: Int32
        var description: String { "\(host): \(String(cString: gai_strerror(code)))" }
    }

    private let lookups = Mutex<[String: EventLoopFuture<Addresses>]>([:])

    /// A resolver for one connection attempt on `loop`.
    func resolver(on loop: EventLoop) -> Resolver & Sendable {
        BookResolver(book: self, loop: loop)
    }

    /// The addresses of `host`, from the first lookup of it in this run.
    func addresses(of host: String, on loop: EventLoop) -> EventLoopFuture<Addresses> {
        let future = lookups.withLock { table in
            if let known = table[host] { return known }
            let started = NIOThreadPool.singleton.runIfActive(eventLoop: loop) { try Self.lookUp(host) }
            table[host] = started
            return started
        }
        return future.hop(to: loop)
    }

    /// The names asked so far (one lookup each).
    var lookedUpNames: [String] { lookups.withLock { $0.keys.sorted() } }

    /// The system resolver (`getaddrinfo`, blocking: run on the thread pool).
    static func lookUp(_ host: String) throws -> Addresses {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_protocol = Int32(IPPROTO_TCP)
        var list: UnsafeMutablePointer<addrinfo>?
        let code = getaddrinfo(host, nil, &hints, &list)
        guard code == 0 else { throw LookupFailure(host: host, code: code) }
        defer { freeaddrinfo(list) }
        var found = Addresses(v4: [], v6: [])
        var entry = list
        while let info = entry?.pointee {
            defer { entry = info.ai_next }
            guard let address = info.ai_addr else { continue }
            switch info.ai_family {
            case AF_INET:
                let v4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee }
                found.v4.append(SocketAddress(v4, host: host))
            case AF_INET6:
                let v6 = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee }
                found.v6.append(SocketAddress(v6, host: host))
            default: continue
            }
        }
        return found
    }
}

/// NIO's `Resolver` for one connection attempt, answered from the book,
/// with the connection's port.
private struct BookResolver: Resolver, Sendable {
    let book: ServerAddressBook
    let loop: EventLoop

    func initiateAQuery(host: String, port: Int) -> EventLoopFuture<[SocketAddress]> {
        book.addresses(of: host, on: loop).map { Self.with(port, $0.v4) }
    }

    func initiateAAAAQuery(host: String, port: Int) -> EventLoopFuture<[SocketAddress]> {
        book.addresses(of: host, on: loop).map { Self.with(port, $0.v6) }
    }

    func cancelQueries() {}

    private static func with(_ port: Int, _ addresses: [SocketAddress]) -> [SocketAddress] {
        addresses.map { address in
            var address = address
            address.port = port
            return address
        }
    }
}
