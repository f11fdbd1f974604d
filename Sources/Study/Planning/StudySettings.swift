import Federated
import Training
import World

/// What a plan resolves every row with: data scale, pretrained base, local training, and an optional seed count for all studies.
public struct StudySettings: Codable, Hashable, Sendable {
    /// How much data every scenario has.
    public var scale: ScalePreset
    /// The pretrained base every run starts from.
    public var base: PretrainConfig
    /// Local training per round (default: `pilot run`'s).
    public var training: TrainingOptions
    /// Seeds for every study, replacing each study's own `Seeds` (nil: the studies').
    public var seeds: Int?
    /// Bases for every study, replacing each study's own `Seeds(_, bases:)` (nil: the studies'); their seeds count up
    /// from `base.seed`.
    public var bases: Int?

    /// Settings; `training` defaults to `RunDefaults.training()`, as `pilot run` uses.
    public init(scale: ScalePreset, base: PretrainConfig, training: TrainingOptions = RunDefaults.training(), seeds: Int? = nil,
                bases: Int? = nil) {
        self.scale = scale
        self.base = base
        self.training = training
        self.seeds = seeds
        self.bases = bases
    }

    /// The base configuration of `replicate`: `base` with the replicate's base seed.
    public func base(of replicate: Replicate) -> PretrainConfig { replicate.base == base.seed ? base : base.with(seed: replicate.base) }
}
