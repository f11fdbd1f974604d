import Federated

extension Study {
    /// The training seeds a row runs with on each base under `settings`: 0, 1, …, n − 1.
    public func seedValues(_ settings: StudySettings) -> [UInt64] { (0..<UInt64(max(settings.seeds ?? seeds, 0))).map { $0 } }

    /// The base seeds under `settings`: `settings.base.seed` and the next m − 1.
    public func baseValues(_ settings: StudySettings) -> [UInt64] {
        (0..<UInt64(max(settings.bases ?? bases, 0))).map { settings.base.seed + $0 }
    }

    /// Every (base, seed) replicate a row runs with, base by base.
    public func replicates(_ settings: StudySettings) -> [Replicate] {
        baseValues(settings).flatMap { base in seedValues(settings).map { Replicate(base: base, seed: $0) } }
    }

    /// The fully resolved configuration of `row` on `replicate`, as `pilot run` would build it.
    public func config(of row: Row, replicate: Replicate, settings: StudySettings) -> RunConfig {
        var training = settings.training
        if let rate = row.learningRate { training.schedule.base = rate }
        return RunConfig(scenario: scenario.config(scale: settings.scale), method: row.method, rounds: rounds,
                         training: training, seed: replicate.seed, base: settings.base(of: replicate))
    }
}
