import ArgumentParser
import ConnectTest

/// The connect-test options, shared by `probe` and `run --probe`.
struct ProbeOptionsGroup: ParsableArguments {
    @Flag(name: .long, help: "Also log in with each account's user and password (OAuth logins are skipped).")
    var login = false

    @Option(name: .long, help: "Connections at once, in all.")
    var jobs: Int = 16

    @Option(name: .long, help: "Connections at once to one host.")
    var perHost: Int = 4

    @Option(name: .long, help: "Seconds each step (connect, TLS, greeting, …) may take.")
    var timeout: Double = 10

    @Option(name: .long, help: "A PEM file of CA certificates to trust besides the system's.")
    var caFile: String?

    @Flag(name: .long, help: "Do not verify certificates (every result then says so).")
    var insecure = false

    @Flag(name: .long, help: "Send passwords over connections without TLS (off: such logins are skipped).")
    var allowCleartextLogin = false

    func validate() throws {
        guard jobs >= 1, perHost >= 1 else { throw ValidationError("--jobs and --per-host must be at least 1") }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0 seconds") }
    }

    var options: ProbeOptions {
        var o = ProbeOptions()
        o.login = login
        o.jobs = jobs
        o.perHost = perHost
        o.timeout = timeout
        o.caFile = caFile
        o.insecure = insecure
        o.allowCleartextLogin = allowCleartextLogin
        return o
    }
}
