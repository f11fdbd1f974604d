import Federated
import PaperStudies
import Study
import World
import XCTest

/// Tuning studies: grid expansion, the normalised validation criterion, the selection against what `Tuned` records.
final class TuningTests: XCTestCase {
    let recorded = Row("FedProx", .fedProx(mu: 0.1), learningRate: 1e-3)

    func study() -> Study {
        Study("tune", title: "Tune", scenario: .visual) {
            Seeds(2)
            Tune("Local", .local, learningRates: [1e-3, 1e-2])
            Tune("FedProx", [.fedProx(mu: 0.01), .fedProx(mu: 0.1)], learningRates: [1e-3], recorded: recorded)
            Table(.validation)
        }
    }

    func testATuneIsARowPerGridPointInOneGroup() {
        let s = study()
        XCTAssertEqual(s.rows.map(\.label), ["Local lr 1e-3", "Local lr 1e-2", "FedProx lr 1e-3 μ 0.01", "FedProx lr 1e-3 μ 0.1"])
        XCTAssertEqual(s.rows.map(\.tuningGroup), ["Local", "Local", "FedProx", "FedProx"])
        XCTAssertEqual(s.rows.map(\.learningRate), [1e-3, 1e-2, 1e-3, 1e-3])
        XCTAssertEqual(s.tuningGroups.map(\.name), ["Local", "FedProx"])
        XCTAssertNil(s.tuningGroups[0].recorded)
        XCTAssertEqual(s.tuningGroups[1].recorded, recorded)
        XCTAssertTrue(s.isTuning)
        XCTAssertEqual([Tune.text(5e-3), Tune.text(1e-2), Tune.text(2.5e-4), Tune.text(3e-3)], ["5e-3", "1e-2", "2.5e-4", "3e-3"])
    }

    func testARowsLearningRateReachesItsRunsConfiguration() {
        let s = study()
        let config = s.config(of: s.rows[1], replicate: Replicate(base: 0, seed: 0), settings: StudyFixtures.smoke)
        XCTAssertEqual(config.training.schedule.base, 1e-2)
        XCTAssertEqual(config.training.epochs, StudyFixtures.smoke.training.epochs)
    }

    /// Validation scores per client (GQA, COCO, RefCOCO × 3) after one round, the same for both seeds.
    func results(_ byRow: [[Double]]) -> StudyResults {
        let s = study()
        let histories = byRow.map { perTask in
            (0..<2).map { _ -> RunHistory in
                var h = RunHistory(clients: 9)
                h.scores = [Array(repeating: 0, count: 9)]
                h.validationScores = [perTask.flatMap { Array(repeating: $0, count: 3) }]
                return h
            }
        }
        return StudyResults(study: s, settings: StudyFixtures.smoke, seeds: [0, 1], histories: histories)
    }

    func testNormalisedScoresAndSelectionByHand() {
        // Chance 10 / 20 / 0; the best row per task (the ceilings): 50, 220, 40.
        let r = results([[50, 20, 10], [30, 220, 0], [10, 120, 40], [20, 170, 40]])
        let chance: [TaskKind: Double] = [.gqa: 10, .coco: 20, .refcoco: 0]
        let scores = r.normalisedValidationScores(chance: chance)
        let expected: [Double] = [1.25 / 3, 1.5 / 3, 1.5 / 3, 2.0 / 3]
        for (a, b) in zip(scores, expected) { XCTAssertEqual(a, b, accuracy: 1e-12) }
        let selections = r.tuningSelections(chance: chance)
        XCTAssertEqual(selections.map(\.group), ["Local", "FedProx"])
        XCTAssertEqual(selections[0].selected.label, "Local lr 1e-2")
        XCTAssertTrue(selections[0].changed, "nothing recorded counts as changed")
        XCTAssertEqual(selections[1].selected.label, "FedProx lr 1e-3 μ 0.1")
        XCTAssertFalse(selections[1].changed, "the recorded setting was selected")
        XCTAssertEqual(TuningSelection.settingText(selections[1].selected), "lr 1e-3, μ 0.1")
    }

    func testTheTableMarksSelectedAndRecordedRows() {
        let r = results([[50, 20, 10], [30, 220, 0], [10, 120, 40], [20, 170, 40]])
        let text = r.markdownTable(Table(.validation), facts: ReproductionFacts(
            chance: [:], validationChance: [.visual: [.gqa: 10, .coco: 20, .refcoco: 0]], modelParameters: 1, imageSize: 32)).rendered()
        XCTAssertTrue(text.contains("FedProx lr 1e-3 μ 0.1 "), text)
        XCTAssertTrue(text.contains("selected, recorded"), text)
        XCTAssertTrue(text.contains(" 0.417 |") && text.contains(" 0.667 |"), text)      // Local lr 1e-3: (1 + 0 + 0.25) / 3; FedProx μ 0.1: 2 / 3
        XCTAssertTrue(text.contains("no test item is read"), text)
    }

    func testTheCatalogKeepsTuningStudiesApartFromTheResults() throws {
        let catalog = try StudyCatalog(Studies.all)
        let tuning = try catalog.select([], tuning: true), reporting = try catalog.select([])
        XCTAssertEqual(Set(tuning.map(\.name)), ["tune-visual", "tune-general-vqa"])
        XCTAssertTrue(reporting.allSatisfy { !$0.isTuning })
        XCTAssertTrue(reporting.contains { $0.name == "table1" })
        XCTAssertEqual(try catalog.select(["tune-visual"], tuning: false).map(\.name), ["tune-visual"])
    }

    func testEveryPaperRowRunsAtItsRecordedSetting() throws {
        let table1 = Studies.all.first { $0.name == "table1" }!
        let grid = Studies.all.first { $0.name == "tune-visual" }!
        for group in grid.tuningGroups {
            let recorded = try XCTUnwrap(group.recorded, group.name)
            let row = try XCTUnwrap(table1.row(group.name), group.name)
            XCTAssertEqual(row.method, recorded.method, group.name)
            XCTAssertEqual(row.learningRate, recorded.learningRate, group.name)
            XCTAssertTrue(grid.rows.contains { $0.method == recorded.method && $0.learningRate == recorded.learningRate },
                          "\(group.name)'s recorded setting is a point of its grid")
        }
    }

    func testAGridPointWithoutValidationScoresIsNeverSelected() {
        let r = results([[.nan, 220, 40], [30, 20, 0], [10, 120, 40], [20, 170, 40]])
        let scores = r.normalisedValidationScores(chance: [.gqa: 10, .coco: 20, .refcoco: 0])
        XCTAssertTrue(scores[0].isNaN)
        XCTAssertEqual(r.tuningSelections(chance: [.gqa: 10, .coco: 20, .refcoco: 0])[0].selected.label, "Local lr 1e-2")
    }
}
