import ArgumentParser

/// The exit codes a cron job or CI acts on; the README lists them.
enum ExitStatus: Int32, CaseIterable {
    /// Everything was read and stored.
    case success = 0
    /// The run failed and changed nothing: unreadable input, a database or output error.
    case failure = 1
    /// The command line was wrong.
    case usage = 2
    /// The run finished, but some records were rejected (they are in the rejects table).
    case rejected = 3
    /// Validation found findings at or above `--fail-on` (default: error).
    case findings = 4
    /// A connect test failed for at least one endpoint.
    case probeFailures = 5
    /// Another run holds the database's lock.
    case locked = 6
    /// The run was interrupted (Ctrl-C) and changed nothing.
    case interrupted = 130

    var code: ExitCode { ExitCode(rawValue) }
}
