import Federated

extension Study {
    /// The seeds a row runs with under `settings`: 0, 1, …, n − 1.
    public func seedValues(_ settings: StudySettings) -> [UInt64] { (0..<UInt64(max(settings.seeds ?? seeds, 0))).map { $0 } }

    /// The fully resolved configuration of `row` with `seed`, as `pilot run` would build it.
    public func config(of row: Row, seed: UInt64, settings: StudySettings) -> RunConfig {
        var training = settings.training
        if let rate = row.learningRate { training.schedule.base = rate }
        return RunConfig(scenario: scenario.config(scale: settings.scale), method: row.method, rounds: rounds,
                         training: training, seed: seed, base: settings.base)
    }
}
