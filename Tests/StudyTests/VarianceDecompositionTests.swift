import Federated
import PaperStudies
import Report
import Study
import XCTest

/// A row's variance split into bases, seeds and test items, on results with two bases.
final class VarianceDecompositionTests: XCTestCase {
    /// table6 on 2 bases × 2 seeds: every client scores `score(base, seed)`, its test items score 0 and 100 (the metric's scale).
    func results(replicates: [(UInt64, UInt64)] = [(0, 0), (0, 1), (1, 0), (1, 1)], score: (UInt64, UInt64) -> Double) -> StudyResults {
        let study = ReproductionFixtures.study("table6")
        let clients = study.scenario.clientCount
        let histories = study.rows.map { _ in
            replicates.map { base, seed -> RunHistory in
                var h = RunHistory(clients: clients)
                h.scores = [Array(repeating: score(base, seed), count: clients)]
                h.testItemScores = [Array(repeating: [0, 100], count: clients)]
                h.uploaded = [Array(repeating: 1, count: clients)]
                h.downloaded = h.uploaded
                h.seconds = [1]
                return h
            }
        }
        return StudyResults(study: study, settings: StudyFixtures.settings(), seeds: replicates.map(\.1), bases: replicates.map(\.0),
                            histories: histories)
    }

    func testComponentsOfTheNormalisedScoreByHand() throws {
        // Scores 50 + 10·base + seed; the best row's mean is 55.5 on every task, chance 0: normalised = 100 · score / 55.5.
        let r = results(score: { 50 + 10 * Double($0) + Double($1) })
        XCTAssertEqual(r.replicateText, "2 seeds on each of 2 bases (4 replicates)")
        let c = try XCTUnwrap(r.varianceComponents(row: 0, chance: [:]))
        let unit = 100 / 55.5
        // Within bases: seeds 0 and 1 differ by 1 point, variance 0.5; between: base means 50.5 and 60.5, MS_between
        // = 2 · 50 = 100, so σ²_bases = (100 − 0.5) / 2.
        XCTAssertEqual(try XCTUnwrap(c.seeds), 0.5 * unit * unit, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(c.bases), 49.75 * unit * unit, accuracy: 1e-9)
        // Items: per client s² / n = 5000 / 2 = 2500; a task's mean of 3 clients 2500 / 3; weight (100 / 55.5 / 3)², 3 tasks.
        XCTAssertEqual(c.items, 3 * 2500 / 3 * pow(100 / 55.5 / 3, 2), accuracy: 1e-9)
        let section = PaperReproduction(results: [r], facts: ReproductionFixtures.facts).markdown()
        XCTAssertTrue(section.contains("### `table6` (2 seeds on each of 2 bases (4 replicates))"), section)
    }

    func testOneBaseLeavesTheBaseShareUnsampled() throws {
        let r = results(replicates: [(0, 0), (0, 1), (0, 2)], score: { 50 + Double($1) })
        XCTAssertEqual(r.replicateText, "3 seeds")
        let c = try XCTUnwrap(r.varianceComponents(row: 0, chance: [:]))
        XCTAssertNil(c.bases)
        XCTAssertNotNil(c.seeds)
        XCTAssertTrue(PaperReproduction(results: [r], facts: ReproductionFixtures.facts).markdown().contains("| not sampled |"))
    }
}
