import Foundation

/// `pilot study run --jobs N`: N copies of the same command as worker processes, each with its share of the threads.
///
/// The workers coordinate through the run directories' claims alone (`RunClaim`), exactly as independent
/// processes or cluster jobs on one runs directory would; this type only starts them and waits.
struct WorkerProcesses {
    /// Worker processes to start.
    let count: Int
    /// Compute threads each worker uses.
    let threadsEach: Int

    /// The worker's command line: this one without `--jobs` and `--threads`, plus the worker's own.
    static func arguments(from arguments: [String], worker: Int, threads: Int) -> [String] {
        var out: [String] = []
        var skipValue = false
        for argument in arguments {
            if skipValue { skipValue = false; continue }
            if ["--jobs", "--threads", "--worker"].contains(argument) { skipValue = true; continue }
            if ["--jobs=", "--threads=", "--worker="].contains(where: argument.hasPrefix) { continue }
            out.append(argument)
        }
        return out + ["--jobs", "1", "--threads", "\(threads)", "--worker", "\(worker)"]
    }

    /// Starts the workers with this process's arguments and waits for all; throws naming every worker that failed.
    func run() throws {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var processes: [Process] = []
        for worker in 1...count {
            let process = Process()
            process.executableURL = executable
            process.arguments = Self.arguments(from: Array(CommandLine.arguments.dropFirst()), worker: worker, threads: threadsEach)
            do {
                try process.run()
            } catch {
                for started in processes { started.terminate(); started.waitUntilExit() }
                throw error
            }
            processes.append(process)
        }
        for process in processes { process.waitUntilExit() }
        let failed = processes.enumerated().filter { $0.element.terminationStatus != 0 }
        guard failed.isEmpty else {
            throw WorkerFailure(workers: failed.map { "worker \($0.offset + 1) (exit \($0.element.terminationStatus))" })
        }
    }
}

/// Workers of `--jobs` that did not finish: their runs stay resumable.
struct WorkerFailure: Error, CustomStringConvertible {
    let workers: [String]
    var description: String {
        "\(workers.joined(separator: ", ")) failed (see their messages above); finished runs are kept, run the same command again to resume"
    }
}
