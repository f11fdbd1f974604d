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

    /// Submits `script` (a file) after the jobs in `afterOK` have succeeded; returns the job id sbatch printed.
    public func submit(_ script: URL, afterOK: [String] = []) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--parsable"] + (afterOK.isEmpty ? [] : ["--dependency=afterok:" + afterOK.joined(separator: ":")]) + [script.path]
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
}
