import Tensors

/// A percentile bootstrap of a mean of group means, resampling items within each group (stratified, as rliable's
/// `StratifiedBootstrap` resamples runs within each task).
///
/// The statistic is the mean over groups of each group's item mean: a task's score, its clients the groups and
/// their test items the items. Each replicate draws every group's items with replacement, as many as it has;
/// the interval is the (α/2, 1 − α/2) quantiles of the replicates (linear interpolation between order
/// statistics, numpy's default). The resampling stream is fixed by `seed`, so the interval is reproducible.
public enum StratifiedBootstrap {
    /// The point estimate and a (1 − α) percentile interval of the mean of group means of `groups` (empty groups are dropped).
    public static func interval(_ groups: [[Double]], replicates: Int = 2000, alpha: Double = 0.05,
                                seed: UInt64 = 0xB007) -> (estimate: Double, lower: Double, upper: Double) {
        let groups = groups.filter { !$0.isEmpty }
        precondition(!groups.isEmpty, "nothing to resample")
        precondition(replicates >= 1 && alpha > 0 && alpha < 1, "replicates ≥ 1 and 0 < α < 1")
        let estimate = meanOfMeans(groups)
        var rng = RandomStream(seed: seed)
        var values = [Double](repeating: 0, count: replicates)  // [replicates] the statistic of each resample
        for r in 0..<replicates {
            var total = 0.0
            for group in groups {
                var sum = 0.0
                for _ in group.indices { sum += group[rng.nextInt(below: group.count)] }
                total += sum / Double(group.count)
            }
            values[r] = total / Double(groups.count)
        }
        values.sort()
        return (estimate, quantile(values, alpha / 2), quantile(values, 1 - alpha / 2))
    }

    /// The mean over groups of each group's mean.
    public static func meanOfMeans(_ groups: [[Double]]) -> Double {
        groups.reduce(0) { $0 + $1.reduce(0, +) / Double($1.count) } / Double(groups.count)
    }

    /// The q-quantile of sorted `values` by linear interpolation between order statistics (numpy's default).
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        precondition(!sorted.isEmpty && (0...1).contains(q))
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = min(low + 1, sorted.count - 1)
        return sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low])
    }
}
