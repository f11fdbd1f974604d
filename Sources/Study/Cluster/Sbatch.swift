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

    public let executable: URL

    public init(executable: URL) { self.executable = executable }

    /// Submits `script` (a file) with a dependency such as "afterok:12" (nil: none); returns the job id sbatch printed.
    public func submit(_ script: URL, dependency: String? = nil) throws -> String {
        let result = try Self.capture(executable, ["--parsable"] + (dependency.map { ["--dependency=" + $0] } ?? []) + [script.path])
        // `--parsable` prints "id" or "id;cluster".
        let id = result.output.split(separator: "\n").first.map { String($0.split(separator: ";")[0]) } ?? ""
        guard result.status == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            let reason = result.errors.split(separator: "\n").map { $0.replacingOccurrences(of: "sbatch: error: ", with: "") }
                .filter { !$0.isEmpty }.joined(separator: "; ")
            throw SlurmError.refused(script: script.lastPathComponent, reason: reason.isEmpty ? "exit \(result.status)" : reason)
        }
        return id
    }

    /// The indices of job `id`'s array tasks still in the queue (pending or running), from `squeue` beside `sbatch`;
    /// empty when the job has left the queue or squeue cannot tell.
    public func queuedArrayTasks(of id: String) -> [Int] {
        let squeue = executable.deletingLastPathComponent().appendingPathComponent("squeue")
        guard let result = try? Self.capture(squeue, ["--noheader", "--array", "--jobs", id, "--format", "%i"]),
              result.status == 0 else { return [] }
        // One line per task: "12_3".
        return result.output.split(separator: "\n").compactMap { line in
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: "_")
            return parts.count == 2 && parts[0] == Substring(id) ? Int(parts[1]) : nil
        }
    }

    /// Runs `executable` with `arguments` to the end: its exit status, standard output and standard error (read side
    /// by side, so that neither pipe can fill up and stall the child).
    static func capture(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = CapturedData()
        let reader = DispatchQueue(label: "pilot.capture.stderr")
        reader.async { errors.data = err.fileHandleForReading.readDataToEndOfFile() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        reader.sync {}
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors.data, as: UTF8.self))
    }
}

/// A child's standard error, filled on the reader's queue and read after it has drained (`reader.sync {}`).
private final class CapturedData: @unchecked Sendable {
    var data = Data()
}
