@testable import ConnectTest
import NIOCore
import NIOPosix
import Testing

/// Names are looked up once per run; each connection gets the addresses with its own port.
/// Only `localhost` is asked (from /etc/hosts): no test may reach beyond loopback.
@Suite struct ServerAddressBookTests {
    @Test func localhostResolvesToLoopback() throws {
        let found = try ServerAddressBook.lookUp("localhost")
        #expect(found.v4.map(\.ipAddress).contains("127.0.0.1"))
        #expect(found.v4.allSatisfy { $0.port == 0 })
    }

    @Test func aResolverGivesTheConnectionsPort() async throws {
        let book = ServerAddressBook()
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let v4 = try await book.resolver(on: loop).initiateAQuery(host: "localhost", port: 31143).get()
        #expect(v4.contains { $0.ipAddress == "127.0.0.1" && $0.port == 31143 })
        let again = try await book.resolver(on: loop).initiateAQuery(host: "localhost", port: 465).get()
        #expect(again.contains { $0.ipAddress == "127.0.0.1" && $0.port == 465 })
    }

    @Test func aLookupIsAskedOncePerName() {
        let book = ServerAddressBook()
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let first = book.addresses(of: "localhost", on: loop)
        let second = book.addresses(of: "localhost", on: loop)
        #expect(first === second, "the second connection waits on the first lookup")
        #expect(book.lookedUpNames == ["localhost"])
    }
}
