/// Mail providers by the domains they serve, for looking up the provider of
/// an address. Built from autoconfig files by the importers; used by
/// validation to compare an account with what its provider publishes.
public struct ProviderIndex: Sendable {
    public let providers: [MailProvider]
    private var byDomain: [String: Int] = [:]

    /// The first provider that names a domain wins.
    public init(_ providers: [MailProvider]) {
        self.providers = providers
        for (index, provider) in providers.enumerated() {
            for domain in provider.domains.map(Self.key) where byDomain[domain] == nil { byDomain[domain] = index }
        }
    }

    /// The provider serving `domain`, ignoring case; a domain with umlauts is
    /// found by its Unicode and its ASCII (`xn--`) form alike.
    public func provider(forDomain domain: String) -> MailProvider? {
        byDomain[Self.key(domain)].map { providers[$0] }
    }

    private static func key(_ domain: String) -> String {
        (InternationalDomainName.asciiForm(of: domain) ?? domain).lowercased()
    }

    /// The provider for an address's domain (the part after the last `@`).
    public func provider(forAddress address: String) -> MailProvider? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        return provider(forDomain: String(address[address.index(after: at)...]))
    }

    /// How many domains are known.
    public var domainCount: Int { byDomain.count }
}
