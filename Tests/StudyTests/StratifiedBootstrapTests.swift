import Study
import XCTest

/// The bootstrap behind R3: its quantiles against numpy, its spread against the analytic standard error.
final class StratifiedBootstrapTests: XCTestCase {
    func testQuantilesMatchNumpysLinearInterpolation() {
        // numpy.quantile(sorted([3, 1, 4, 1, 5, 9, 2, 6]), q), numpy 2.4 (method "linear").
        let sorted: [Double] = [3, 1, 4, 1, 5, 9, 2, 6].sorted()
        let expected: [(Double, Double)] = [(0, 1), (0.025, 1), (0.1, 1), (0.5, 3.5), (0.9, 6.8999999999999995),
                                            (0.975, 8.475000000000001), (1, 9)]
        for (q, value) in expected { XCTAssertEqual(StratifiedBootstrap.quantile(sorted, q), value, accuracy: 1e-12, "q = \(q)") }
    }

    func testEstimateIsTheMeanOfGroupMeansAndEmptyGroupsAreDropped() {
        let interval = StratifiedBootstrap.interval([[1, 2, 3], [10], [], [0, 0, 0, 4]], replicates: 10)
        XCTAssertEqual(interval.estimate, (2 + 10 + 1) / 3, accuracy: 1e-12)
        XCTAssertLessThanOrEqual(interval.lower, interval.upper)
    }

    func testIdenticalItemsGiveAZeroWidthInterval() {
        let interval = StratifiedBootstrap.interval([[7, 7, 7], [3, 3]], replicates: 200)
        XCTAssertEqual(interval.lower, 5)
        XCTAssertEqual(interval.upper, 5)
    }

    func testSpreadMatchesTheAnalyticStandardErrorOfAMeanOfMeans() {
        // Three groups of 0/1 items; the bootstrap variance of the mean of means is Σ_g p_g(1 − p_g)/n_g / G².
        func ones(_ k: Int, of n: Int) -> [Double] { (0..<n).map { i -> Double in i < k ? 1 : 0 } }
        let groups: [[Double]] = [ones(30, of: 100), ones(60, of: 80), ones(60, of: 120)]
        let terms: [Double] = [0.3 * 0.7 / 100, 0.75 * 0.25 / 80, 0.5 * 0.5 / 120]
        let variance: Double = terms.reduce(0, +) / 9
        let interval = StratifiedBootstrap.interval(groups, replicates: 20_000)
        let halfWidth = (interval.upper - interval.lower) / 2
        XCTAssertEqual(halfWidth, 1.959964 * variance.squareRoot(), accuracy: 0.05 * 1.959964 * variance.squareRoot())
        XCTAssertEqual(interval.estimate, (0.3 + 0.75 + 0.5) / 3, accuracy: 1e-12)
    }

    func testTheSameSeedGivesTheSameInterval() {
        let groups: [[Double]] = [[0, 1, 1, 0, 1], [1, 1, 0]]
        XCTAssertEqual(StratifiedBootstrap.interval(groups, seed: 3).lower, StratifiedBootstrap.interval(groups, seed: 3).lower)
        XCTAssertEqual(StratifiedBootstrap.interval(groups, seed: 3).upper, StratifiedBootstrap.interval(groups, seed: 3).upper)
    }
}
