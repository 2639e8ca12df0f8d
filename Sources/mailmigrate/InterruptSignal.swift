import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Turns Ctrl-C (SIGINT) and SIGTERM into a flag the import checks between
/// batches, so an interrupted run can roll its transaction back and exit
/// cleanly instead of dying midway.
enum InterruptSignal {
    nonisolated(unsafe) private static var raised: sig_atomic_t = 0

    static func install() {
        signal(SIGINT) { _ in InterruptSignal.raised = 1 }
        signal(SIGTERM) { _ in InterruptSignal.raised = 1 }
        // A parent may have started us with these signals blocked (a thread of a
        // test runner, a supervisor): unblock them, or Ctrl-C would be lost.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static var wasRaised: Bool { raised != 0 }
}
