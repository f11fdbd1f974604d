import Foundation

/// Slurm's `sbatch`, run as a child process: submits a script and returns the job's id.
public struct Sbatch {
    /// The `sbatch` executable found on the PATH; nil when there is none.
    public static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> URL? {
        for directory in (path ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("sbatch")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// The executable.
    public let executable: URL

    public init(executable: URL) { self.executable = executable }

    /// Submits `script` (a file) with a dependency such as "afterok:12" (nil: none); returns the job id sbatch printed.
    public func submit(_ script: URL, dependency: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--parsable"] + (dependency.map { ["--dependency=" + $0] } ?? []) + [script.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let complaint = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // `--parsable` prints "id" or "id;cluster".
        let id = printed.split(separator: "\n").first.map { String($0.split(separator: ";")[0]) } ?? ""
        guard process.terminationStatus == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            let reason = complaint.split(separator: "\n").map { $0.replacingOccurrences(of: "sbatch: error: ", with: "") }
                .filter { !$0.isEmpty }.joined(separator: "; ")
            throw SlurmError.refused(script: script.lastPathComponent, reason: reason.isEmpty ? "exit \(process.terminationStatus)" : reason)
        }
        return id
    }

    /// The indices of job `id`'s array tasks still in the queue (pending or running), from `squeue` beside `sbatch`;
    /// empty when the job has left the queue or squeue cannot tell.
    public func queuedArrayTasks(of id: String) -> [Int] {
        let squeue = executable.deletingLastPathComponent().appendingPathComponent("squeue")
        let process = Process()
        process.executableURL = squeue
        process.arguments = ["--noheader", "--array", "--jobs", id, "--format", "%i"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return [] }
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return [] }
        // One line per task: "12_3".
        return printed.split(separator: "\n").compactMap { line in
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: "_")
            return parts.count == 2 && parts[0] == Substring(id) ? Int(parts[1]) : nil
        }
    }
}
