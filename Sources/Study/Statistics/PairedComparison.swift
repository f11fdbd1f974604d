import Foundation
import Report

/// Row A against row B by paired differences d_i = a_i − b_i (same base, seed, split and test items for both):
/// the mean, its t interval and test, and the smallest effect the design detects.
///
/// With fewer than two differences, or a non-finite one, nothing but the mean is defined (nil). With two or more identical
/// differences the spread is zero: the interval is the point itself and the test is decided by its sign
/// (p = 0 when the mean is above 0 for the one-sided test, 1 when it is not; two-sided, 0 unless the mean is 0).
public struct PairedComparison: Sendable {
    /// a_i − b_i.
    public let differences: [Double]

    public init(differences: [Double]) { self.differences = differences }

    /// Differences of `a` and `b`, paired by position.
    public init(_ a: [Double], _ b: [Double]) {
        precondition(a.count == b.count, "paired rows need as many values each")
        differences = zip(a, b).map { $0 - $1 }
    }

    public var count: Int { differences.count }
    public var mean: Double { differences.reduce(0, +) / Double(max(count, 1)) }

    /// The sample standard deviation (n − 1 in the denominator); nil below two differences or with a non-finite one.
    public var standardDeviation: Double? {
        guard count >= 2, differences.allSatisfy(\.isFinite) else { return nil }
        let m = mean
        return (differences.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(count - 1)).squareRoot()
    }

    /// The standard error of the mean; nil below two differences.
    public var standardError: Double? { standardDeviation.map { $0 / Double(count).squareRoot() } }

    private var t: StudentT { StudentT(degreesOfFreedom: Double(count - 1)) }

    /// The two-sided (1 − α) t interval of the mean difference; nil below two differences.
    public func interval(alpha: Double = 0.05) -> (lower: Double, upper: Double)? {
        guard let se = standardError else { return nil }
        let half = t.quantile(1 - alpha / 2) * se
        return (mean - half, mean + half)
    }

    /// The paired t test's p-value against "no difference", two-sided; nil below two differences.
    public var pValue: Double? {
        guard let se = standardError else { return nil }
        guard se > 0 else { return mean == 0 ? 1 : 0 }
        return 2 * t.cdf(-abs(mean / se))
    }

    /// The paired t test's p-value of "A ≤ B" against "A > B"; nil below two differences.
    public var pValueGreater: Double? {
        guard let se = standardError else { return nil }
        guard se > 0 else { return mean > 0 ? 0 : 1 }
        return t.cdf(-mean / se)
    }

    /// The smallest true mean difference that a two-sided level-α paired t test with this many pairs and this spread
    /// detects with probability `power`: (t_{1−α/2, n−1} + t_{power, n−1}) · s / √n (the usual approximation of the
    /// noncentral-t power; within 0.2 % of it from 9 pairs on). Nil below two differences.
    public func detectableEffect(alpha: Double = 0.05, power: Double = 0.8) -> Double? {
        guard let se = standardError else { return nil }
        return (t.quantile(1 - alpha / 2) + t.quantile(power)) * se
    }
}
