import ArgumentParser
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

// Usage errors exit with 2 (not ArgumentParser's 64), and failures print
// `mailmigrate: <problem>` and exit with 1, as the README promises.
// Swift Concurrency runs on NIO's event loop threads: a connect test's
// awaits then resume on the thread the network event happened on, instead
// of hopping to a second thread pool for every line (measured: half the CPU).
_ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

/// Runs the parsed command; async commands (probe) run in the async context.
func runMailMigrate() async throws {
    var command = try MailMigrate.parseAsRoot()
    if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
    } else {
        try command.run()
    }
}

do {
    try await runMailMigrate()
} catch let failure as Failure {
    Failure.handle(failure)
} catch {
    if MailMigrate.exitCode(for: error) == .validationFailure {
        FileHandleStream.standardError.write(MailMigrate.fullMessage(for: error) + "\n")
        exit(ExitStatus.usage.rawValue)
    }
    MailMigrate.exit(withError: error)
}
