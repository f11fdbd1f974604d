import Report

/// A claim's effect over seeds: per seed, the score the claim says is higher minus the one it says is lower.
public struct ClaimEffect: Hashable, Sendable {
    /// One difference per seed, in seed order.
    public let perSeed: [Double]
    /// Per seed, the score the claim says is higher and the one it says is lower (for the probability of improvement).
    public let higher: [Double]?, lower: [Double]?

    /// An effect from its per-seed differences, and the two sides' per-seed scores when the check has them.
    public init(perSeed: [Double], higher: [Double]? = nil, lower: [Double]? = nil) {
        self.perSeed = perSeed
        self.higher = higher
        self.lower = lower
    }

    /// An effect from the two sides' per-seed scores.
    public init(higher: [Double], lower: [Double]) {
        self.init(perSeed: zip(higher, lower).map { $0 - $1 }, higher: higher, lower: lower)
    }

    /// The mean over seeds.
    public var mean: Double { Statistic(perSeed).mean }
    /// The sample standard deviation over seeds (0 with one seed).
    public var spread: Double { Statistic(perSeed).standardDeviation }
    /// The paired comparison of the two sides over seeds.
    public var comparison: PairedComparison { PairedComparison(differences: perSeed) }
    /// rliable's P(higher > lower) over the seeds' scores; nil when the check has no per-row scores.
    public var probabilityOfImprovement: Double? {
        guard let higher, let lower else { return nil }
        return ProbabilityOfImprovement.value(higher, over: lower)
    }
}
