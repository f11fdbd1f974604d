import Report

/// The variance of a score split into its sources: pretrained bases, training seeds within a base, and the test items.
///
/// Replicates are nested: seed s on base b is its own run, so seeds are a within-base factor. With k bases of n seeds
/// each (balanced), the method-of-moments (ANOVA) estimators of the one-way random-effects model y_bs = μ + B_b + S_bs
/// are σ²_seeds = MS_within and σ²_bases = max(0, (MS_between − MS_within) / n), which REML equals whenever the latter is
/// positive. The test items are fixed across replicates, so their variance is not inside either: it is the sampling
/// variance of a replicate's score from its finite test sets (`items`, the mean over replicates), added as a third source.
public struct VarianceComponents: Hashable, Sendable {
    /// Between bases (nil with one base, or one seed per base, where bases and seeds cannot be told apart).
    public let bases: Double?
    /// Between training seeds on one base (nil with one seed per base).
    public let seeds: Double?
    /// Between replicates, bases and seeds together (the sample variance over all replicates; nil with one replicate).
    public let replicates: Double?
    /// The test items' sampling variance.
    public let items: Double

    /// The components of `groups` (one array of replicate scores per base, all of equal length) and each replicate's
    /// test-item sampling variance.
    public init(groups: [[Double]], itemVariances: [Double]) {
        let k = groups.count, n = groups.first?.count ?? 0
        precondition(k > 0 && n > 0 && groups.allSatisfy { $0.count == n }, "balanced: every base has the same seeds")
        let all = groups.flatMap { $0 }
        items = itemVariances.isEmpty ? 0 : itemVariances.reduce(0, +) / Double(itemVariances.count)
        let spread = Statistic(all).standardDeviation
        replicates = all.count > 1 ? spread * spread : nil
        guard n > 1 else {
            seeds = nil
            bases = nil
            return
        }
        let means = groups.map { $0.reduce(0, +) / Double(n) }
        let within = zip(groups, means).reduce(0.0) { sum, pair in sum + pair.0.reduce(0.0) { $0 + ($1 - pair.1) * ($1 - pair.1) } }
            / Double(k * (n - 1))
        seeds = within
        guard k > 1 else {
            bases = nil
            return
        }
        let grand = means.reduce(0, +) / Double(k)
        let between = Double(n) * means.reduce(0.0) { $0 + ($1 - grand) * ($1 - grand) } / Double(k - 1)
        bases = max(0, (between - within) / Double(n))
    }

    /// The sum of what was estimated: bases (when separated), seeds (or replicates when they cannot be split) and items.
    public var estimatedTotal: Double { (bases ?? 0) + (seeds ?? replicates ?? 0) + items }

    /// The sum of the separated sources (nil unless bases, seeds and items are all separated).
    public var total: Double? {
        guard let bases, let seeds else { return nil }
        return bases + seeds + items
    }
}
