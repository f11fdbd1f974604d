extension Statistic {
    /// The 95 % t interval of the mean over the values, mean ± t₀.₉₇₅,ₙ₋₁ · s / √n, clipped to `bounds` (a metric's
    /// range: no negative accuracy); just the mean, clipped, with one value.
    public func interval95(clippedTo bounds: ClosedRange<Double> = -.infinity ... .infinity) -> (lower: Double, upper: Double) {
        let clip = { (v: Double) in min(max(v, bounds.lowerBound), bounds.upperBound) }
        guard values.count > 1 else { return (clip(mean), clip(mean)) }
        let half = StudentT(degreesOfFreedom: Double(values.count - 1)).quantile(0.975) * standardDeviation / Double(values.count).squareRoot()
        return (clip(mean - half), clip(mean + half))
    }
}
