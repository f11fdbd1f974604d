import Foundation

/// On Ctrl-C, says what survives before the process ends: every finished run and the last checkpointed round of the current one.
enum InterruptNotice {
    /// Installs the notice for SIGINT (the process still exits with status 130, as if killed by the signal).
    static func install() {
        signal(SIGINT) { _ in
            let message: StaticString = "\ninterrupted: finished runs and the last checkpointed round are kept; run the same command again to resume\n"
            _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)     // async-signal-safe: no allocation
            _exit(130)
        }
    }
}
