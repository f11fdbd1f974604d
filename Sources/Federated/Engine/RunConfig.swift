import Training
import World

/// Everything that determines one federated run; its hash names the run's directory.
public struct RunConfig: Codable, Hashable, Sendable {
    /// Data: scenario, scale, clients, split.
    public var scenario: Scenario.Config
    /// Method and its settings.
    public var method: Method
    /// Communication rounds (the paper: 3).
    public var rounds: Int
    /// Local training per round.
    public var training: TrainingOptions
    /// Training seed (client seeds derive from it, the round and the client).
    public var seed: UInt64
    /// The pretrained base every client starts from.
    public var base: PretrainConfig

    public init(scenario: Scenario.Config, method: Method, rounds: Int = 3, training: TrainingOptions, seed: UInt64, base: PretrainConfig) {
        self.scenario = scenario
        self.method = method
        self.rounds = rounds
        self.training = training
        self.seed = seed
        self.base = base
    }
}
