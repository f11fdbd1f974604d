import Foundation

/// Writes a file so that its real name only ever holds a complete version: write a temporary file
/// beside it, flush it to disk, rename it over the real name, flush the directory.
public enum AtomicFile {
    /// Calls `write` with a temporary path in the destination's directory, then moves the result to `url`.
    ///
    /// If `write` throws (or the process dies), the destination keeps its previous contents and the
    /// temporary file is removed (or, after a crash, left under a name starting with `.` and
    /// ending in `.tmp`, which readers never open).
    public static func write(to url: URL, _ write: (String) throws -> Void) throws {
        let directory = url.deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temp = directory + "/." + url.lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        do {
            try write(temp)
            try sync(path: temp, what: "flush")
            guard rename(temp, url.path) == 0 else { throw posixError("move into place", url.path) }
            try sync(path: directory, what: "flush directory")
        } catch {
            unlink(temp)
            throw error
        }
    }

    /// fsync on a file or directory.
    static func sync(path: String, what: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw posixError(what, path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw posixError(what, path) }
    }

    static func posixError(_ what: String, _ path: String) -> FileError {
        FileError(path: path, operation: what, reason: String(cString: strerror(errno)))
    }
}
