/// Student's t distribution with ν degrees of freedom: the CDF and its inverse, for paired-t intervals and tests.
public struct StudentT: Sendable {
    /// ν > 0.
    public let degreesOfFreedom: Double

    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "a t distribution needs ν > 0")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(T ≤ t) = 1 − ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, and by symmetry below.
    public func cdf(_ t: Double) -> Double {
        guard t.isFinite else { return t > 0 ? 1 : 0 }
        let nu = degreesOfFreedom
        let tail = 0.5 * RegularizedBeta.value(nu / (nu + t * t), a: nu / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The t with P(T ≤ t) = p, 0 < p < 1: bracketed, then bisected to the last bit.
    public func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "a quantile needs 0 < p < 1")
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p) }
        var low = 0.0, high = 1.0
        while cdf(high) < p { low = high; high *= 2 }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if middle == low || middle == high { break }
            if cdf(middle) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
