import ArgumentParser
import Tensors

/// The `pilot` command line: a thin layer over the library modules.
struct PilotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pilot",
        abstract: "Pilot: federated multimodal instruction tuning, reproducible from one command.",
        subcommands: [BenchCommand.self, DataCommand.self, PretrainCommand.self, RunCommand.self, AggregateCommand.self, StudyCommand.self, FiguresCommand.self, ScoreCommand.self, ExecCommand.self,
                      InfoCommand.self, ArchiveStressCommand.self])
}

/// Options every compute command takes.
struct ComputeOptions: ParsableArguments {
    @Option(help: "Compute threads for OpenBLAS and the element-wise kernels (default: all cores).")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
    }

    /// Applies the thread count.
    func apply() {
        if let threads { Runtime.configure(threads: threads) } else { Runtime.configure(threads: Parallel.threadCount) }
    }
}

/// The command line as typed, for reports that say how to reproduce them.
func commandLineString() -> String {
    (["pilot"] + CommandLine.arguments.dropFirst()).map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
}
