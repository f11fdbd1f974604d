import Federated
import PaperStudies
import Study
import World
import XCTest

/// R1–R4 on hand-made Table 1 histories whose outcome is known.
final class RegimeChecksTests: XCTestCase {
    let facts = ReproductionFacts(chance: [.visual: [.gqa: 20, .coco: 40, .refcoco: 5]],
                                  validationChance: [.visual: [.gqa: 20, .coco: 40, .refcoco: 5]], modelParameters: 1, imageSize: 32)

    /// Test score `score(label)` on every client after 3 rounds (items `items(score)`), validation `chance + 10·f(round)`
    /// with `f = progress(label)` (round 0 first), zero-shot test score `zeroShot` everywhere.
    func results(score: (String) -> Double, progress: (String) -> [Double], items: (Double) -> [Double] = { [$0, $0, $0, $0] },
                 zeroShot: Double = 1) -> [String: StudyResults] {
        let study = ReproductionFixtures.study("table1")
        let chance: [Double] = [20, 20, 20, 40, 40, 40, 5, 5, 5]
        let histories = study.rows.map { row in
            (0..<2).map { _ -> RunHistory in
                var h = RunHistory(clients: 9)
                let f = progress(row.label)
                h.initialScores = Array(repeating: zeroShot, count: 9)
                h.initialValidationScores = chance.map { $0 + 10 * f[0] }
                for round in 1...3 {
                    h.scores.append(Array(repeating: score(row.label), count: 9))
                    h.validationScores.append(chance.map { $0 + 10 * f[round] })
                    h.testItemScores.append(Array(repeating: items(score(row.label)), count: 9))
                }
                return h
            }
        }
        return ["table1": StudyResults(study: study, settings: StudyFixtures.smoke, seeds: [0, 1], histories: histories)]
    }

    func outcome(_ id: String, _ checks: RegimeChecks) -> RegimeChecks.Outcome {
        checks.outcomes().first { $0.id == id && $0.study == "table1" }!
    }

    func testAllFourPassInAGoodRegime() {
        let checks = RegimeChecks(results: results(score: { $0 == "Centralized" ? 90 : 60 },
                                                   progress: { $0 == "Local" ? [0, 0.6, 0.9, 1] : [0, 0.5, 0.85, 0.95] }), facts: facts)
        for id in ["R1", "R2", "R3", "R4"] { XCTAssertEqual(outcome(id, checks).passed, true, "\(id): \(outcome(id, checks).detail)") }
        XCTAssertNil(checks.outcomes().first { $0.study == "table2" }!.passed, "table2 was not rendered")
        XCTAssertTrue(checks.markdown().contains("## Regime checks"))
    }

    func testR1FailsWhenCentralizedIsBelowLocal() {
        let checks = RegimeChecks(results: results(score: { $0 == "Local" ? 70 : 60 }, progress: { _ in [0, 0.6, 0.9, 1] }), facts: facts)
        XCTAssertEqual(outcome("R1", checks).passed, false)
        XCTAssertTrue(outcome("R1", checks).detail.contains("GQA 60.0 vs 70.0"), outcome("R1", checks).detail)
    }

    func testR2FailsWhenTheLastRoundAddsMoreThanAQuarter() {
        // Local's normalised curve is 0, 0.3, 0.5, 0.8 (the ceiling is Centralized's 1.0): the last round adds 0.3 of 0.8.
        let checks = RegimeChecks(results: results(score: { _ in 60 }, progress: { $0 == "Local" ? [0, 0.3, 0.5, 0.8] : [0, 0.5, 0.9, 1] }),
                                  facts: facts)
        XCTAssertEqual(outcome("R2", checks).passed, false)
        XCTAssertTrue(outcome("R2", checks).detail.contains("Local 0.00 → 0.30 → 0.50 → 0.80 (last round +0.30 of +0.80)"),
                      outcome("R2", checks).detail)
    }

    func testR3FailsWhenFourItemsPerClientCannotPinATaskDown() {
        let checks = RegimeChecks(results: results(score: { _ in 50 }, progress: { _ in [0, 0.6, 0.9, 1] }, items: { _ in [0, 100, 0, 100] }),
                                  facts: facts)
        XCTAssertEqual(outcome("R3", checks).passed, false)
    }

    func testR4NamesTheMethodThatFailsToTrain() {
        let checks = RegimeChecks(results: results(score: { $0 == "FedAvg" ? 30 : 60 }, progress: { _ in [0, 0.6, 0.9, 1] }), facts: facts)
        XCTAssertEqual(outcome("R4", checks).passed, false)
        XCTAssertTrue(outcome("R4", checks).detail.contains("FedAvg (COCO 30.0 ≤ 40.0)"), outcome("R4", checks).detail)
        XCTAssertFalse(outcome("R4", checks).detail.contains("Local ("), outcome("R4", checks).detail)
    }

    func testAMissingScoreIsNotMeasuredRatherThanAFailure() {
        let checks = RegimeChecks(results: results(score: { $0 == "Local" ? .nan : 60 }, progress: { _ in [0, 0.6, .nan, 1] }), facts: facts)
        for id in ["R1", "R2", "R4"] { XCTAssertNil(outcome(id, checks).passed, "\(id): \(outcome(id, checks).detail)") }
    }
}
