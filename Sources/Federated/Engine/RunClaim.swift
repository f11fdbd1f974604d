import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive claim on a run directory: while it is held, no other process trains that run.
///
/// An advisory `flock` on `<run>/claim.lock`, held for the claim's lifetime. The kernel drops it when the
/// holder exits, however it exits, so a crashed or killed worker never leaves a run claimed. The file names
/// its holder (host and pid) for status reports; its presence alone means nothing.
public final class RunClaim {
    public let directory: URL
    private var descriptor: Int32

    /// The lock file's name inside a run directory.
    public static let fileName = "claim.lock"

    private init(directory: URL, descriptor: Int32) {
        self.directory = directory
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Claims `directory` (creating it); nil when another process holds it, unless `wait`, which blocks until it is free.
    public static func acquire(_ directory: URL, wait: Bool = false) throws -> RunClaim? {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw RunError.claim(path: directory.path, reason: "cannot create the run directory (\(error.localizedDescription))")
        }
        let path = directory.appendingPathComponent(fileName).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RunError.claim(path: path, reason: String(cString: strerror(errno))) }
        // `holder(of:)` probes with a brief shared lock: a refusal is retried a few times before it counts.
        var refusals = 0
        while flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            let code = errno
            if code == EINTR { continue }
            if code == EWOULDBLOCK && refusals < 3 {
                refusals += 1
                usleep(20_000)
                continue
            }
            close(fd)
            if code == EWOULDBLOCK { return nil }
            throw RunError.claim(path: path, reason: String(cString: strerror(code)))
        }
        let holder = "pid \(getpid()) on \(ProcessInfo.processInfo.hostName)\n"
        _ = ftruncate(fd, 0)
        _ = holder.withCString { pwrite(fd, $0, strlen($0), 0) }
        return RunClaim(directory: directory, descriptor: fd)
    }

    /// Gives the claim up (also done when the claim is dropped or the process ends).
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    /// Who holds the claim on `directory` now ("pid 12 on node3"), or nil when nobody does.
    public static func holder(of directory: URL) -> String? {
        let path = directory.appendingPathComponent(fileName).path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return nil
        }
        let text = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return text.isEmpty ? "another process" : text
    }
}
