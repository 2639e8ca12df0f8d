import MailModel

/// Runs the connect tests of many accounts at once, with structured
/// concurrency: at most `jobs` connections in all and `perHost` to one host.
/// Accounts on the same endpoint share one connection for the TLS and
/// capability part; only logins (with `--login`) connect per account.
public struct ProbeRunner: Sendable {
    private let prober: MailProber
    private let options: ProbeOptions

    public init(prober: MailProber, options: ProbeOptions) {
        self.prober = prober
        self.options = options
    }

    /// A result for every request, in the requests' order. `progress` is
    /// told the connections finished and planned, as they finish.
    public func run(_ requests: [ProbeRequest], progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async -> [ProbeResult?] {
        // Phase 1: each distinct endpoint once.
        let targets = Array(Set(requests.compactMap(\.target)))
        let needLogin = options.login
            ? requests.indices.filter { index in
                guard let login = requests[index].login, requests[index].target != nil else { return false }
                return login.method == .password && !login.password.isEmpty
            }
            : []
        let planned = targets.count + needLogin.count
        let counter = Counter()
        let gate = HostGate(perHost: max(1, options.perHost))
        let shared = await forEach(targets, gate: gate, host: { $0.host }) { target in
            let result = await prober.probe(target)
            progress(await counter.next(), planned)
            return result
        }
        var byTarget: [ProbeTarget: ProbeResult] = [:]
        for (target, result) in zip(targets, shared) { byTarget[target] = result }

        // Phase 2: logins, per account, where the endpoint itself works.
        var results: [ProbeResult?] = requests.map { request in request.target.flatMap { byTarget[$0] } }
        let loginIndices = needLogin.filter { byTarget[requests[$0].target!]?.status == .ok }
        for index in needLogin where byTarget[requests[index].target!]?.status != .ok { progress(await counter.next(), planned) }
        let logins = await forEach(loginIndices, gate: gate, host: { requests[$0].target!.host }) { index in
            let result = await prober.probe(requests[index].target!, login: requests[index].login)
            progress(await counter.next(), planned)
            return result
        }
        for (index, result) in zip(loginIndices, logins) { results[index] = result }
        // Logins that need no connection of their own: OAuth, or no password.
        if options.login {
            for index in requests.indices where !loginIndices.contains(index) {
                guard var result = results[index], result.status == .ok, let login = requests[index].login else { continue }
                if login.method == .oauth2 {
                    let oauth = result.authMechanisms.filter { $0 == "XOAUTH2" || $0 == "OAUTHBEARER" }
                    result.login = .init(
                        status: .skipped,
                        detail: "OAuth login is not tested; the server offers "
                            + (oauth.isEmpty ? "neither XOAUTH2 nor OAUTHBEARER" : oauth.joined(separator: " and ")))
                } else {
                    result.login = .init(status: .skipped, detail: "no password to log in with")
                }
                results[index] = result
            }
        }
        return results
    }

    /// `body` for every element, at most `jobs` at once, results in order.
    private func forEach<Element: Sendable>(
        _ elements: [Element], gate: HostGate, host: @escaping @Sendable (Element) -> String,
        _ body: @escaping @Sendable (Element) async -> ProbeResult
    ) async -> [ProbeResult] {
        var results = [ProbeResult?](repeating: nil, count: elements.count)
        let jobs = max(1, options.jobs)
        await withTaskGroup(of: (Int, ProbeResult).self) { group in
            var next = 0
            func start() {
                let index = next
                let element = elements[index]
                next += 1
                group.addTask {
                    let host = host(element)
                    await gate.enter(host)
                    let result = await body(element)
                    await gate.leave(host)
                    return (index, result)
                }
            }
            while next < elements.count && next < jobs { start() }
            while let (index, result) = await group.next() {
                results[index] = result
                if next < elements.count { start() }
            }
        }
        return results.map { $0! }
    }
}

/// At most `perHost` connections to one host at a time, so a customer's
/// server is not hammered; the others wait their turn.
actor HostGate {
    private let perHost: Int
    private var open: [String: Int] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(perHost: Int) { self.perHost = perHost }

    func enter(_ host: String) async {
        if open[host, default: 0] < perHost {
            open[host, default: 0] += 1
            return
        }
        await withCheckedContinuation { waiting[host, default: []].append($0) }
    }

    func leave(_ host: String) {
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue
            next.resume()
        } else {
            open[host, default: 1] -= 1
        }
    }
}

/// Counts finished connections for the progress display.
actor Counter {
    private var value = 0
    func next() -> Int {
        value += 1
        return value
    }
}
