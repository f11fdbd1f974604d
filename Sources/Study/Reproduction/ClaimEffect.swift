import Report

/// A claim's effect over seeds: per seed, the score the claim says is higher minus the one it says is lower.
public struct ClaimEffect: Hashable, Sendable {
    /// One difference per seed, in seed order.
    public let perSeed: [Double]

    /// An effect from its per-seed differences.
    public init(perSeed: [Double]) { self.perSeed = perSeed }

    /// The mean over seeds.
    public var mean: Double { Statistic(perSeed).mean }
    /// The sample standard deviation over seeds (0 with one seed).
    public var spread: Double { Statistic(perSeed).standardDeviation }
    /// The claim's direction holds on average: the mean effect is positive.
    public var supportsClaim: Bool { mean > 0 }
    /// Whether |mean| > std, i.e. the effect stands out of seed noise; nil with fewer than two seeds.
    public var exceedsSeedNoise: Bool? { perSeed.count < 2 ? nil : abs(mean) > spread }
}
