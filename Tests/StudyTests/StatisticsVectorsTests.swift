import Foundation
import Report
import Study
import XCTest

/// The statistics behind the verdicts against scipy on fixed vectors (Fixtures/statistics_vectors.json, written by
/// scripts/make_statistics_vectors.py), and their degenerate cases.
final class StatisticsVectorsTests: XCTestCase {
    struct Vectors: Decodable {
        struct CDF: Decodable { let t: Double, df: Double, cdf: Double }
        struct Quantile: Decodable { let p: Double, df: Double, quantile: Double }
        struct Paired: Decodable {
            let a: [Double], b: [Double], mean: Double, sd: Double, lower: Double, upper: Double
            let p_two_sided: Double, p_greater: Double, detectable: Double
        }
        struct Improvement: Decodable { let x: [Double], y: [Double], probability: Double }
        struct Holm: Decodable { let p: [Double], adjusted: [Double] }
        struct Components: Decodable { let groups: [[Double]], bases: Double, seeds: Double, boundary: Bool }
        let t_cdf: [CDF], t_quantile: [Quantile], paired: [Paired], improvement: [Improvement], holm: [Holm]
        let variance_components: [Components]
    }

    lazy var vectors: Vectors = {
        let url = Bundle.module.url(forResource: "statistics_vectors", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
    }()

    func testStudentTMatchesScipy() {
        for v in vectors.t_cdf {
            XCTAssertEqual(StudentT(degreesOfFreedom: v.df).cdf(v.t), v.cdf, accuracy: 1e-12, "cdf(\(v.t); \(v.df))")
        }
        for v in vectors.t_quantile {
            XCTAssertEqual(StudentT(degreesOfFreedom: v.df).quantile(v.p), v.quantile, accuracy: 1e-9 * max(1, abs(v.quantile)),
                           "quantile(\(v.p); \(v.df))")
        }
    }

    func testPairedIntervalsTestsAndDetectableEffectsMatchScipy() throws {
        for v in vectors.paired {
            let c = PairedComparison(v.a, v.b)
            let context = "\(v.a.count) pairs"
            XCTAssertEqual(c.mean, v.mean, accuracy: 1e-12, context)
            XCTAssertEqual(try XCTUnwrap(c.standardDeviation), v.sd, accuracy: 1e-12, context)
            let interval = try XCTUnwrap(c.interval())
            XCTAssertEqual(interval.lower, v.lower, accuracy: 1e-9, context)
            XCTAssertEqual(interval.upper, v.upper, accuracy: 1e-9, context)
            XCTAssertEqual(try XCTUnwrap(c.pValue), v.p_two_sided, accuracy: 1e-10, context)
            XCTAssertEqual(try XCTUnwrap(c.pValueGreater), v.p_greater, accuracy: 1e-10, context)
            XCTAssertEqual(try XCTUnwrap(c.detectableEffect()), v.detectable, accuracy: 1e-9 * v.detectable, context)
        }
    }

    func testProbabilityOfImprovementMatchesMannWhitney() throws {
        for v in vectors.improvement {
            XCTAssertEqual(try XCTUnwrap(ProbabilityOfImprovement.value(v.x, over: v.y)), v.probability, accuracy: 1e-12)
        }
        XCTAssertNil(ProbabilityOfImprovement.value([], over: [1]))
    }

    func testVarianceComponentsMatchStatsmodelsREML() throws {
        for v in vectors.variance_components {
            let c = VarianceComponents(groups: v.groups, itemVariances: [])
            let context = "\(v.groups.count) bases × \(v.groups[0].count) seeds"
            // REML is fitted by an optimiser: agreement to its tolerance, not to rounding.
            XCTAssertEqual(try XCTUnwrap(c.bases), v.bases, accuracy: 1e-3 * max(1, v.bases), context)
            if !v.boundary { XCTAssertEqual(try XCTUnwrap(c.seeds), v.seeds, accuracy: 1e-3 * max(1, v.seeds), context) }
        }
        XCTAssertTrue(vectors.variance_components.contains(where: \.boundary), "a case where the base variance is estimated 0")
    }

    func testVarianceComponentsDegenerateDesigns() throws {
        // One base: seeds only. Identical base means: no base variance. One seed per base: not separable.
        let one = VarianceComponents(groups: [[1, 2, 3]], itemVariances: [0.5, 0.5, 2])
        XCTAssertNil(one.bases)
        XCTAssertEqual(one.seeds, 1)
        XCTAssertEqual(one.items, 1)
        XCTAssertNil(one.total)
        let flat = VarianceComponents(groups: [[1, 3], [3, 1]], itemVariances: [])
        XCTAssertEqual(flat.bases, 0)
        XCTAssertEqual(flat.seeds, 2)
        XCTAssertEqual(flat.total, 2)
        let single = VarianceComponents(groups: [[1], [3]], itemVariances: [])
        XCTAssertNil(single.bases)
        XCTAssertNil(single.seeds)
        XCTAssertEqual(try XCTUnwrap(single.replicates), 2, accuracy: 1e-12)
    }

    func testHolmMatchesTheStepDownByHand() {
        for v in vectors.holm {
            let adjusted = HolmBonferroni.adjusted(v.p)
            XCTAssertEqual(adjusted.count, v.adjusted.count)
            for (a, b) in zip(adjusted, v.adjusted) { XCTAssertEqual(a, b, accuracy: 1e-15, "\(v.p)") }
        }
        XCTAssertEqual(HolmBonferroni.adjusted([]), [])
    }

    func testDegenerateComparisons() throws {
        // One seed: only the mean exists.
        let one = PairedComparison([3], [1])
        XCTAssertEqual(one.mean, 2)
        XCTAssertNil(one.interval())
        XCTAssertNil(one.pValue)
        XCTAssertNil(one.detectableEffect())
        // Identical rows: a zero-width interval at 0, nothing detected.
        let same = PairedComparison([1, 2, 3], [1, 2, 3])
        XCTAssertEqual(same.interval()?.lower, 0)
        XCTAssertEqual(same.interval()?.upper, 0)
        XCTAssertEqual(same.pValue, 1)
        XCTAssertEqual(same.pValueGreater, 1)
        XCTAssertEqual(same.detectableEffect(), 0)
        // A constant positive difference: decided by its sign.
        let constant = PairedComparison([2, 3, 4], [1, 2, 3])
        XCTAssertEqual(constant.interval()?.lower, 1)
        XCTAssertEqual(constant.pValue, 0)
        XCTAssertEqual(constant.pValueGreater, 0)
    }
}
