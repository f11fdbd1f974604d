import Federated
import Foundation
import Training

/// One federated run a plan needs, however many studies and rows use it.
public struct PlannedRun: Hashable, Sendable {
    /// The fully resolved configuration.
    public let config: RunConfig
    /// `ConfigHash.of(config)`: identical runs across studies share it.
    public let hash: String
    /// The run's directory name under the runs directory (as `pilot run` names it).
    public let directoryName: String
    /// Every study, row and seed that uses this run, in plan order.
    public internal(set) var uses: [RunUse]

    /// Local optimisation steps one round takes (all clients; nominal client sizes for non-IID splits).
    public var stepsPerRound: Int {
        let trainer = LocalTrainer(options: config.training)
        let perClient = config.scenario.scale.trainPerClient
        let clients = config.scenario.kind.tasks.count * config.scenario.clientsPerTask
        if case .centralized = config.method { return trainer.steps(for: perClient * clients) }
        return clients * trainer.steps(for: perClient)
    }

    /// Local steps of the whole run.
    public var totalSteps: Int { stepsPerRound * config.rounds }

    /// The run's directory under `runs`.
    public func directory(in runs: URL) -> URL { runs.appendingPathComponent(directoryName) }
}
