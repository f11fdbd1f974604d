import ArgumentParser
import Bench
import Foundation
import Tensors

/// `pilot bench …`: speed measurements (never run them beside a build or another benchmark).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure speed; print tables with the command that produced them.",
        subcommands: [KernelsCommand.self, ModelCommand.self])

    /// `pilot bench kernels`
    struct KernelsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kernels", abstract: "GEMM at the model's shapes against the sgemm peak; attention and norm kernels.")

        @OptionGroup var compute: ComputeOptions
        @Option(help: "Timed samples per measurement (the median is reported).") var iterations = 15
        @Option(help: "Comma-separated batch sizes.") var batches = "8,16,32"
        @Option(help: "Also write the report to this file.") var out: String?

        func validate() throws {
            guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1") }
            guard parsedBatches != nil else { throw ValidationError("--batches must be positive integers separated by commas, got '\(batches)'") }
        }

        var parsedBatches: [Int]? {
            let values = batches.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
            return values.map { $0! }
        }

        func run() throws {
            compute.apply()
            let bench = KernelBenchmark(iterations: iterations, batches: parsedBatches!)
            let report = bench.run(commandLine: commandLineString()) { message in
                FileHandle.standardError.write(Data("… \(message)\n".utf8))
            }
            print(report)
            if let out { try report.write(toFile: out, atomically: true, encoding: .utf8) }
        }
    }
}
