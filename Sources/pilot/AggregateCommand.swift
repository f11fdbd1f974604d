import ArgumentParser
import Federated
import Foundation

/// `pilot aggregate`: one server step over client updates in HDF5 files, for an external orchestrator.
struct AggregateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aggregate",
        abstract: "One server step over client updates (HDF5): writes DIR/client-<id>.h5 with what each client gets back.",
        discussion: "Each input carries the attributes client (int), task (string) and data_size (int) and the parameter tensors by name; see the README.")

    @Option(help: "Server step: \(ServerStep.names.joined(separator: ", ")).") var strategy: String
    @Option(name: .customLong("top-k"), help: "ATA's neighbour count k, the client itself included (default \(ServerStep.defaultTopK), the paper's).")
    var topK: Int?
    @Option(name: .customLong("in"), parsing: .upToNextOption, help: "The client update files.") var inputs: [String] = []
    @Option(help: "Directory for the per-client results.") var out: String

    func run() throws {
        let step = try ServerStep.named(strategy, topK: topK)
        let written = try step.run(inputs: inputs.map { URL(fileURLWithPath: $0) }, outputDirectory: URL(fileURLWithPath: out))
        print("\(step.name): \(inputs.count) updates in, \(written.count) files written to \(out)")
    }
}
