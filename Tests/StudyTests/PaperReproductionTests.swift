import Federated
import PaperStudies
import Report
import Study
import Training
import World
import XCTest

/// `paper-repro.md` from synthetic results: verdicts follow the data, effects are per-seed differences, missing studies are not measured.
final class PaperReproductionTests: XCTestCase {
    typealias F = ReproductionFixtures

    func testEveryMappedRowAndEveryClaimedRowExistsInThePaperStudies() {
        for table in PaperNumbers.tables {
            let labels = F.study(table.study).rows.map(\.label)
            for row in table.rows { XCTAssertTrue(labels.contains(row.studyRow), "\(table.study): no row '\(row.studyRow)'") }
        }
        for claim in PaperClaims.all {
            for check in claim.checks {
                let labels = F.study(check.study).rows.map(\.label)
                for label in check.test.rowLabels { XCTAssertTrue(labels.contains(label), "(\(claim.id)) \(check.study): no row '\(label)'") }
            }
        }
        // Every study the paper's numbers map to exists (Studies/ may hold others, e.g. difference-loss-form).
        XCTAssertTrue(Set(PaperNumbers.studyNames).isSubset(of: Studies.all.map(\.name)), "\(PaperNumbers.studyNames)")
    }

    /// Local scores 50 + c; FedAvg is `shift[s]` below it (above it when flipped); the check reads GQA's mean over clients.
    func fedAvgBelowLocal(shift: [Double], flipped: Bool) -> ClaimOutcome {
        let results = F.results(F.study("table1"), score: { label, s, c in
            50 + Double(c) - (label == "FedAvg" ? (flipped ? -shift[s] : shift[s]) : 0)
        })
        return results.measure(.rowAboveOnTask(better: "Local", worse: "FedAvg", task: .gqa), chance: [:])
    }

    func testRowAboveEffectIsThePerSeedDifferenceAndItsVerdictFollowsAPairedTTest() throws {
        let outcome = fedAvgBelowLocal(shift: [1, 2, 4], flipped: false)
        let effect = try XCTUnwrap(outcome.effect)
        XCTAssertEqual(effect.perSeed, [1, 2, 4])
        XCTAssertEqual(effect.mean, 7.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(effect.spread, (7.0 / 3).squareRoot(), accuracy: 1e-12, "sample std of 1, 2, 4")
        XCTAssertEqual(effect.probabilityOfImprovement, 1, "Local scores the same on every seed, above every seed's FedAvg")
        // t = 2.65 on 2 degrees of freedom: p = 0.12, so three seeds this spread decide nothing either way.
        XCTAssertEqual(try XCTUnwrap(effect.comparison.pValue), 0.1177, accuracy: 1e-3)
        XCTAssertEqual(outcome.verdict, .inconclusive)
        XCTAssertEqual(fedAvgBelowLocal(shift: [1, 2, 4], flipped: true).verdict, .inconclusive)
        let decisive = fedAvgBelowLocal(shift: [3, 3.5, 4], flipped: false), opposite = fedAvgBelowLocal(shift: [3, 3.5, 4], flipped: true)
        XCTAssertEqual(decisive.verdict, .reproduced, "t = 12.1, p = 0.007")
        XCTAssertEqual(opposite.verdict, .contradicted)
        XCTAssertEqual(PaperReproduction.verdict(of: [decisive, outcome]), .inconclusive)
        XCTAssertEqual(PaperReproduction.verdict(of: [decisive, outcome, opposite]), .contradicted)
        // Holm: p = 0.035 decides a check alone, but not two such checks together (adjusted 0.070).
        let borderline = fedAvgBelowLocal(shift: [2, 3, 4], flipped: false)
        XCTAssertEqual(try XCTUnwrap(borderline.effect?.comparison.pValue), 0.0351, accuracy: 1e-3)
        XCTAssertEqual(borderline.verdict, .reproduced)
        let pair = ClaimDecision.decide([borderline.effect, borderline.effect])
        XCTAssertEqual(pair.map { $0?.verdict }, [.inconclusive, .inconclusive])
        XCTAssertEqual(try XCTUnwrap(pair[0]?.adjustedPValue), 2 * borderline.effect!.comparison.pValue!, accuracy: 1e-12)
    }

    /// Pilot scores GQA 60, COCO 103, RefCOCO `refcoco`; Local GQA 40 + seed, COCO 53, RefCOCO `refcoco`; every other row chance.
    func normalisedResults(refcoco: Double) -> StudyResults {
        let visual = StudyScenario.visual.clientTasks
        return F.results(F.study("table1"), score: { label, s, c in
            switch (label, visual[c]) {
            case ("Pilot", .gqa): return 60
            case ("Pilot", .coco): return 103
            case ("Local", .gqa): return 40 + Double(s)
            case ("Local", .coco): return 53
            case ("Pilot", .refcoco), ("Local", .refcoco): return refcoco
            case (_, .gqa): return 20
            case (_, .coco): return 3
            default: return 0
            }
        })
    }

    func testTheMeanOverTasksIsOfScoresNormalisedBetweenChanceAndTheStudysBestRow() throws {
        let chance: [TaskKind: Double] = [.gqa: 20, .coco: 3, .refcoco: 0]
        // By hand: the best rows are Pilot's 60 / 103 / 40, so Pilot scores 100 on each task; Local scores
        // (20 + s) / 40, 50 / 100 and 40 / 40 of the way from chance: 100 · (0.5 + s / 40 + 0.5 + 1) / 3.
        let results = normalisedResults(refcoco: 40)
        let pilot = results.normalisedMeanOverTasks(row: results.rowIndex("Pilot")!, chance: chance)
        let local = results.normalisedMeanOverTasks(row: results.rowIndex("Local")!, chance: chance)
        for (value, expected) in zip(pilot, [100.0, 100, 100]) { XCTAssertEqual(value, expected, accuracy: 1e-9) }
        for (value, expected) in zip(local, [200.0 / 3, 67.5, 205.0 / 3]) { XCTAssertEqual(value, expected, accuracy: 1e-9) }
        let effect = try XCTUnwrap(results.measure(.rowAbove(better: "Pilot", worse: "Local"), chance: chance).effect)
        for (value, expected) in zip(effect.perSeed, [100.0 / 3, 32.5, 95.0 / 3]) { XCTAssertEqual(value, expected, accuracy: 1e-9) }
        // CIDEr's 50-point gap weighs as much as GQA's 20 points: both are half of the way from chance to the best row.
        guard case let .measured(_, detail) = results.measure(.rowAbove(better: "Pilot", worse: "Local"), chance: chance) else { return XCTFail() }
        XCTAssertEqual(detail, "raw per task (mean over seeds): GQA +19.0, COCO +50.0, RefCOCO 0.0.")
        // A task on which no row rises above chance counts 0 for every row.
        let flat = normalisedResults(refcoco: 0)
        let flatPilot = flat.normalisedMeanOverTasks(row: flat.rowIndex("Pilot")!, chance: chance)
        XCTAssertEqual(flatPilot[0], 200.0 / 3, accuracy: 1e-9)
    }

    func testAPerTaskCheckReadsThatTasksMeanInItsOwnMetric() throws {
        let results = normalisedResults(refcoco: 40)
        let outcome = results.measure(.rowAboveOnTask(better: "Pilot", worse: "Local", task: .coco), chance: [:])
        XCTAssertEqual(outcome.effect?.perSeed, [50, 50, 50])
        XCTAssertEqual(ClaimTest.rowAboveOnTask(better: "Pilot", worse: "Local", task: .coco).effectDescription, "Pilot − Local on COCO (CIDEr)")
        XCTAssertEqual(results.measure(.rowAboveOnTask(better: "Pilot", worse: "Nobody", task: .coco), chance: [:]),
                       .notMeasured("study table1 has no row 'Nobody'"))
    }

    func testClaimsAreWordedAsThePapersSentencesWithThePapersOwnEffects() throws {
        let a = try XCTUnwrap(PaperClaims.all.first { $0.id == "a" })
        XCTAssertEqual(a.checks.count, 2 * 5 * 3, "two tables × five FL baselines × three tasks")
        XCTAssertFalse(a.checks.contains { $0.test.rowLabels.contains("Local") }, "Local is its own claim (a′)")
        XCTAssertEqual(PaperClaims.all.first { $0.id == "a′" }?.checks.map(\.test), [.rowAbove(better: "Pilot", worse: "Local"),
                                                                                    .rowAbove(better: "Pilot", worse: "Local")])
        let f = try XCTUnwrap(PaperClaims.all.first { $0.id == "f" })
        XCTAssertEqual(f.checks.map(\.test), [TaskKind.gqa, .coco, .refcoco].map {
            .rowAboveOnTask(better: "Pilot (local task adapter)", worse: "Random", task: $0)
        })
        let g = try XCTUnwrap(PaperClaims.all.first { $0.id == "g" })
        // The paper's numbers: Local − FedAvg per task of Table 1 (client means), Table 6's GQA, Table 4's costs.
        XCTAssertEqual(PaperNumbers.effect(of: ClaimCheck("table1", .rowAbove(better: "Local", worse: "FedAvg"))), "+1.5 / +22.5 / +2.7")
        XCTAssertEqual(PaperNumbers.effect(of: f.checks[0]), "+0.3")
        XCTAssertEqual(g.checks.compactMap(PaperNumbers.effect(of:)), ["+1.2 / +2.1 / +1.7", "+0.2B", "+1.25B"])
        XCTAssertNil(PaperNumbers.effect(of: ClaimCheck("figure1b", .rowAbove(better: "Local", worse: "Shepherd"))), "a chart without numbers")
        guard case let .notMeasured(reason) = F.results(F.study("table4"), score: { _, _, _ in 1 }).measure(g.checks[2].test, chance: [:])
        else { return XCTFail("AP is not measurable") }
        XCTAssertTrue(reason.contains("no count of ours maps onto the paper's"), reason)
    }

    func testEachAblationStepIsACheckAndAFallingStepFailsTheClaim() throws {
        let offsets = ["Local": 0.0, "none": 1, "+ ATA": 2, "+ cross-task adapter": 3, "+ aux loss": 4, "+ difference loss": 5]
        var results = F.allStudies(offset: { offsets[$0] ?? 0 })
        var report = PaperReproduction(results: results, facts: F.facts)
        let ablation = report.outcomes().filter { $0.claim.id == "d" }
        XCTAssertEqual(ablation.map(\.check.test.effectDescription),
                       ["+ ATA − none, normalised mean over tasks", "+ cross-task adapter − + ATA, normalised mean over tasks",
                        "+ aux loss − + cross-task adapter, normalised mean over tasks",
                        "+ difference loss − + aux loss, normalised mean over tasks"])
        // One point on every client is 1 / (best − chance) of each task's span: best rows 56 / 59 / 62, chance 20 / 3 / 0.
        let step = 100 * (1.0 / 36 + 1.0 / 56 + 1.0 / 62) / 3
        for outcome in ablation {
            for value in try XCTUnwrap(outcome.outcome.effect?.perSeed) { XCTAssertEqual(value, step, accuracy: 1e-9) }
        }
        XCTAssertEqual(PaperReproduction.verdict(of: ablation.map(\.outcome)), .reproduced)

        let falling = offsets.merging(["+ aux loss": 2.5]) { $1 }
        results = F.allStudies(offset: { falling[$0] ?? 0 })
        report = PaperReproduction(results: results, facts: F.facts)
        let after = report.outcomes().filter { $0.claim.id == "d" }
        XCTAssertEqual(after.map(\.outcome.verdict), [.reproduced, .reproduced, .contradicted, .reproduced])
        XCTAssertEqual(PaperReproduction.verdict(of: after.map(\.outcome)), .contradicted)
    }

    func testCostChecksReadUploadsAndActivationsAndAreNotMeasuredWhenAPIsMissing() {
        let study = F.study("table4")
        let recorded = F.results(study, score: { _, _, _ in 50 }, upload: { $0 == "CT-CLIP" ? 500 : 300 },
                                 activated: { $0 == "CT-CLIP" ? 1750 : 500 })
        XCTAssertEqual(recorded.measure(.costAbove(higher: "CT-CLIP", lower: "Pilot", measure: .communicatedParameters), chance: [:]).effect?.perSeed,
                       [200, 200, 200])
        XCTAssertEqual(recorded.measure(.costAbove(higher: "CT-CLIP", lower: "Pilot", measure: .activatedParameters), chance: [:]).effect?.mean, 1250)
        let cheaper = F.results(study, score: { _, _, _ in 50 }, upload: { $0 == "CT-CLIP" ? 100 : 300 })
        XCTAssertEqual(cheaper.measure(.costAbove(higher: "CT-CLIP", lower: "Pilot", measure: .communicatedParameters), chance: [:]).verdict,
                       .contradicted)
        XCTAssertEqual(cheaper.measure(.costAbove(higher: "CT-CLIP", lower: "Pilot", measure: .activatedParameters), chance: [:]),
                       .notMeasured("the runs do not record AP"))
    }

    func testMissingStudiesAreNotMeasured() {
        let onlyTable1 = PaperReproduction(results: [F.results(F.study("table1"), score: { label, _, c in
            50 + Double(c) + (label == "Pilot" ? 1 : 0)
        })], facts: F.facts)
        let outcomes = onlyTable1.outcomes()
        XCTAssertEqual(outcomes.first { $0.claim.id == "e" }?.outcome, .notMeasured("study table5 was not rendered"))
        let a = outcomes.filter { $0.claim.id == "a" }.map(\.outcome)
        XCTAssertEqual(a.map(\.verdict), Array(repeating: .reproduced, count: 15) + Array(repeating: .notMeasured, count: 15))
        XCTAssertEqual(PaperReproduction.verdict(of: a), .reproducedWhereMeasured)
        XCTAssertEqual(PaperReproduction.verdict(of: outcomes.filter { $0.claim.id == "d" }.map(\.outcome)), .notMeasured)
        let text = onlyTable1.markdown()
        XCTAssertTrue(text.contains("### (e) ATA beats aggregating over same-task clients and over all clients (k = 5, 6, 7 reported, not claimed): **not measured**"), text)
        XCTAssertTrue(text.contains("Ours: not measured (study table5 was not rendered)."), text)
        XCTAssertEqual(PaperReproduction.missingStudies(among: ["table1", "figure1b"]), ["table2", "table3", "table4", "table5", "table6"])
    }

    func testThePaperTablesRenderWithoutResults() {
        let table1 = PaperNumbers.table1.comparison(with: nil)
        XCTAssertEqual(table1.rows.map(\.label).prefix(3), ["Centralized training (paper)", "Local training (paper)", "FedAvg (paper)"])
        XCTAssertNoThrow(try table1.validate())
        let text = table1.rendered()
        XCTAssertTrue(text.contains("GQA (accuracy) › GQA-1"), text)
        XCTAssertTrue(text.contains(" 47.2 |"), text)
        // FedAvg's COCO avg: (86.5 + 102.5 + 104.2) / 3 = 97.73.
        XCTAssertTrue(text.contains(" 97.7 |"), text)
        XCTAssertEqual(table1.rows[0].cells[0], .missing, "the centralized row has per-task numbers only")
        XCTAssertEqual(table1.rows[0].cells[3], .statistic(Statistic([52.8])))
        let table4 = PaperNumbers.table4.comparison(with: nil)
        XCTAssertEqual(table4.rows[1].cells.suffix(2), [.text("1.75B"), .text("0.5B")])
    }

    func testTheComparisonFollowsTheStudysRowsWithThePapersRowBesideOurs() throws {
        let results = F.results(F.study("table1"), score: { _, s, c in 40 + Double(c) + Double(s) })
        let table = PaperNumbers.table1.comparison(with: results)
        XCTAssertEqual(table.rows.map(\.label).prefix(4), ["Centralized training (paper)", "Centralized (ours)", "Local training (paper)", "Local (ours)"])
        XCTAssertEqual(table.rows.count, 16)
        XCTAssertEqual(table.rows[3].cells[0], .statistic(Statistic([40, 41, 42])), "Local's GQA-1 over seeds")
        XCTAssertEqual(table.groups, results.markdownTable(Table(.perClient)).groups, "the study's own layout")
        XCTAssertNoThrow(try table.validate())
        let table6 = PaperNumbers.table6.comparison(with: F.results(F.study("table6"), score: { _, _, _ in 1 }))
        XCTAssertEqual(table6.rows.map(\.label), ["Random (paper)", "Random (ours)", "Pilot (paper)", "Pilot (local task adapter) (ours)"])
    }

    func testTheFileIsByteIdenticalForEqualInputAndHasEverySection() {
        let offsets = ["Pilot": 2.0, "FedAvg": -1, "Shepherd": -2, "CT-CLIP": 3]
        let first = PaperReproduction(results: F.allStudies(offset: { offsets[$0] ?? 0 }), facts: F.facts).markdown()
        let second = PaperReproduction(results: F.allStudies(offset: { offsets[$0] ?? 0 }).reversed(), facts: F.facts).markdown()
        XCTAssertEqual(first, second)
        for heading in ["# Pilot: the paper's results beside ours", "**How a claim is decided.**", "## The paper's claims",
                        "### Table 1 (study `table1`)", "### Table 6 (study `table6`)", "## Why it may not reproduce"] {
            XCTAssertTrue(first.contains(heading), heading)
        }
        XCTAssertTrue(first.contains("### (g) CT-CLIP beats Pilot, at more communicated (CP) and activated (AP) parameters: **inconclusive**"),
                      "equal uploads: CP is not higher, nor lower")
        XCTAssertTrue(first.contains("### (c) FedAvg beats Shepherd: **reproduced**"))
        XCTAssertTrue(first.contains("3,000,000 parameters, about 2,333× fewer"), "model scale from the facts")
        XCTAssertTrue(first.contains("RefCOCO (visual)") && first.contains("OCR-VQA (general-vqa)"))
        XCTAssertTrue(first.hasSuffix("\n") && !first.hasSuffix("\n\n"))
    }

    func testTheHeaderNamesTheKernelFamiliesThatComputedTheRuns() {
        let rendered = { (families: (String) -> [String]) in
            PaperReproduction(results: F.allStudies(kernelFamilies: families), facts: F.facts).markdown()
        }
        XCTAssertTrue(rendered { _ in ["Cooperlake"] }.contains("Computed with OpenBLAS's Cooperlake kernels; another kernel family rounds differently"))
        let mixed = rendered { $0 == "table3" ? ["Haswell", "Cooperlake"] : ["Cooperlake"] }
        XCTAssertTrue(mixed.contains("Computed with more than one OpenBLAS kernel family (Cooperlake, Haswell); each rounds differently"), mixed)
        XCTAssertTrue(rendered { _ in [] }.contains("The runs' checkpoints do not name the OpenBLAS kernels that computed them."))
        XCTAssertTrue(rendered { _ in ["Cooperlake"] }.contains(
            "The engine's own kernels ran at numerics version \(PretrainConfig.currentNumericsVersion); another version rounds differently"))
    }

    func testNearChanceTasksAreNamedWithTheirNumbers() {
        let facts = ReproductionFacts(chance: [.visual: [.gqa: 20, .coco: 3, .refcoco: 58],
                                               .generalVQA: [.gqa: 20, .scienceqa: 25, .ocrvqa: 1]], modelParameters: 10, imageSize: 32)
        // Every row's RefCOCO average is 50 + 7 (clients 6–8) = 57; the best compared row adds 3 (Pilot): 60, 2 points above chance.
        let text = PaperReproduction(results: F.allStudies(offset: { $0 == "Pilot" ? 3 : 0 }), facts: facts).markdown()
        XCTAssertTrue(text.contains("RefCOCO (visual): best compared row Pilot (table1) scores 60.0 against 58.0 for the majority answer"), text)
        XCTAssertFalse(text.contains("GQA (visual): best compared row"), "GQA clears chance by 33 points")
    }
}
