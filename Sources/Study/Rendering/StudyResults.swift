import Federated

/// What a study's runs measured, read from their checkpoints: for every row, one history per (base, seed) replicate.
///
/// Replicates are the unit of every ± and paired comparison; "seed" in the statistics' names means a replicate.
public struct StudyResults: Sendable {
    public let study: Study
    /// The settings its rows were resolved with (captions name the scale and seeds).
    public let settings: StudySettings
    /// Each replicate's training seed, in replicate order.
    public let seeds: [UInt64]
    /// Each replicate's base seed, in replicate order.
    public let bases: [UInt64]
    /// [row][replicate]: the run's history, rows in the study's order.
    public let histories: [[RunHistory]]
    /// The OpenBLAS kernel families that computed its runs, in the order first met; empty when no checkpoint named them.
    public let kernelFamilies: [String]

    /// Results of `study` from histories in row and replicate order; `bases` defaults to the settings' one base for every replicate.
    public init(study: Study, settings: StudySettings, seeds: [UInt64], bases: [UInt64]? = nil, histories: [[RunHistory]],
                kernelFamilies: [String] = []) {
        precondition(bases == nil || bases!.count == seeds.count, "one base per replicate")
        self.study = study
        self.settings = settings
        self.seeds = seeds
        self.bases = bases ?? Array(repeating: settings.base.seed, count: seeds.count)
        self.histories = histories
        self.kernelFamilies = kernelFamilies
    }

    /// The distinct bases, in order.
    public var distinctBases: [UInt64] { bases.distinctInOrder }

    /// "3 seeds", or "3 seeds on each of 2 bases (6 replicates)".
    public var replicateText: String {
        let baseCount = distinctBases.count, perBase = seeds.count / max(baseCount, 1)
        let seedText = "\(perBase) seed\(perBase == 1 ? "" : "s")"
        return baseCount <= 1 ? seedText : "\(seedText) on each of \(baseCount) bases (\(seeds.count) replicates)"
    }
}
