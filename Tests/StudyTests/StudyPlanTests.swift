import Checkpoint
import Federated
import PaperStudies
import Study
import Training
import World
import XCTest

/// Studies expand into runs; identical runs across studies are planned once.
final class StudyPlanTests: XCTestCase {
    /// The paper's studies that can run today.
    /// The studies that report results (the tuning studies run one seed of their own).
    var runnable: [Study] { Studies.all.filter { $0.problems.isEmpty && !$0.isTuning } }

    func testIdenticalRunsAcrossThePapersStudiesArePlannedOnce() throws {
        let plan = try StudyPlan(studies: runnable, settings: StudyFixtures.smoke)
        let full = try XCTUnwrap(plan.run(for: RunUse(study: "table1", row: "Pilot", seed: 0)))
        for use in [RunUse(study: "table3", row: "+ difference loss", seed: 0), RunUse(study: "table5", row: "Pilot (k = 6)", seed: 0),
                    RunUse(study: "table6", row: "Pilot (local task adapter)", seed: 0)] {
            XCTAssertEqual(plan.run(for: use)?.hash, full.hash, "\(use)")
        }
        XCTAssertTrue(full.uses.contains(RunUse(study: "table3", row: "+ difference loss", seed: 0)))
        XCTAssertEqual(plan.run(for: RunUse(study: "figure1b", row: "Local", seed: 2))?.hash,
                       plan.run(for: RunUse(study: "table1", row: "Local", seed: 2))?.hash)
        XCTAssertNotEqual(plan.run(for: RunUse(study: "table1", row: "Pilot", seed: 1))?.hash, full.hash, "seeds are distinct runs")
        XCTAssertEqual(Set(plan.runs.map(\.hash)).count, plan.runs.count, "no run is planned twice")
        XCTAssertLessThan(plan.runs.count, plan.useCount)
    }

    func testEverySeedRunsOnEveryBaseAndTheFirstBasesRunsAreTheOneBasePlans() throws {
        let table1 = runnable.filter { $0.name == "table1" }
        let oneBase = try StudyPlan(studies: table1, settings: StudyFixtures.smoke)
        var settings = StudyFixtures.smoke
        settings.seeds = 2
        settings.bases = 2
        let twoBases = try StudyPlan(studies: table1, settings: settings)
        XCTAssertEqual(twoBases.runs.count, table1[0].rows.count * 2 * 2)
        XCTAssertEqual(twoBases.baseSeeds, [0, 1])
        XCTAssertEqual(table1[0].replicates(settings), [Replicate(base: 0, seed: 0), Replicate(base: 0, seed: 1),
                                                        Replicate(base: 1, seed: 0), Replicate(base: 1, seed: 1)])
        for seed: UInt64 in [0, 1] {
            let first = try XCTUnwrap(twoBases.run(for: RunUse(study: "table1", row: "Pilot", seed: seed)))
            XCTAssertEqual(first.hash, oneBase.run(for: RunUse(study: "table1", row: "Pilot", seed: seed))?.hash, "base 0's runs are reused")
            let second = try XCTUnwrap(twoBases.run(for: RunUse(study: "table1", row: "Pilot", seed: seed, base: 1)))
            XCTAssertNotEqual(second.hash, first.hash)
            var expected = first.config
            expected.base = expected.base.with(seed: 1)
            XCTAssertEqual(second.config, expected, "only the base's seed differs")
        }
        XCTAssertEqual("\(RunUse(study: "table1", row: "Pilot", seed: 1, base: 1))", "table1/Pilot seed 1 on base 1")
        settings.bases = 0
        XCTAssertThrowsError(try StudyPlan(studies: table1, settings: settings)) { XCTAssertTrue("\($0)".contains("bases must be at least 1"), "\($0)") }
        // A study asks for bases itself with `Seeds(_, bases:)`.
        let declared = Study("declared", title: "t") {
            Row("Local", .local)
            Seeds(2, bases: 3)
            Table(.perTask)
        }
        XCTAssertEqual(declared.replicates(StudyFixtures.smoke).count, 6)
        XCTAssertEqual(declared.baseValues(StudyFixtures.smoke), [0, 1, 2])
    }

    func testAPlanCutToOneRunByNameOrHashKeepsThatRunAndItsUses() throws {
        let plan = try StudyPlan(studies: runnable, settings: StudyFixtures.smoke)
        let pilot = try XCTUnwrap(plan.run(for: RunUse(study: "table1", row: "Pilot", seed: 0)))
        for name in [pilot.directoryName, String(pilot.hash.prefix(12))] {
            let one = try plan.restricted(to: name)
            XCTAssertEqual(one.runs, [pilot], name)
            XCTAssertEqual(one.run(for: RunUse(study: "table3", row: "+ difference loss", seed: 0)), pilot, "every use of the run is kept")
            XCTAssertNil(one.run(for: RunUse(study: "table1", row: "Local", seed: 0)))
        }
        XCTAssertThrowsError(try plan.restricted(to: "pilot-visual-seed9-00000000")) { error in
            XCTAssertEqual("\(error)", "no run named pilot-visual-seed9-00000000 in the plan of these studies at scale smoke (see `pilot study plan`)")
        }
        XCTAssertThrowsError(try plan.restricted(to: String(pilot.hash.prefix(4))), "a short prefix names no run")
    }

    func testDistinctOptionsGiveDistinctRuns() throws {
        let study = Study("options", title: "Options") {
            Row("full", .pilot(PilotOptions()))
            for component in PilotComponent.allCases {
                Row("without \(component.label)", .pilot { component.set(false, in: &$0, full: PilotOptions()) })
            }
            Row("same task", .pilot { $0.textAggregation = .sameTask })
            Row("k = 5", .pilot { $0.textAggregation = .nearest(k: 5) })
            Row("random init", .pilot { $0.crossInitFromLocal = false })
            Row("no client adapter in stage 2", .pilot { $0.keepClientAdapter = false })
            Row("FedProx 0.01", .fedProx(mu: 0.01))
            Row("FedProx 0.1", .fedProx(mu: 0.1))
            Table(.perTask)
        }
        let plan = try StudyPlan(studies: [study], settings: StudyFixtures.settings(seeds: 1))
        XCTAssertEqual(plan.runs.count, study.rows.count)
        XCTAssertEqual(Set(plan.runs.map(\.hash)).count, study.rows.count)
    }

    func testRunsAreNamedAsPilotRunNamesThem() throws {
        let table1 = Studies.all.first { $0.name == "table1" }!
        let plan = try StudyPlan(studies: [table1], settings: StudyFixtures.smoke)
        let run = try XCTUnwrap(plan.run(for: RunUse(study: "table1", row: "FedAvg", seed: 2)))
        // What `pilot run --method fedavg --scenario visual --seed 2 --scale smoke --learning-rate LR` resolves to, LR the recorded rate.
        let rate = try XCTUnwrap(table1.row("FedAvg")?.learningRate)
        let config = RunConfig(scenario: Scenario.Config(kind: .visual, scale: .smoke), method: Method.named("fedavg")!,
                               rounds: RunDefaults.rounds, training: RunDefaults.training(learningRate: rate), seed: 2,
                               base: PretrainConfig.preset("smoke")!)
        XCTAssertEqual(run.config, config)
        XCTAssertEqual(run.directoryName, "fedavg-visual-seed2-\(try ConfigHash.of(config).prefix(8))")
    }

    func testSeedsOverrideEveryStudy() throws {
        let plan = try StudyPlan(studies: runnable, settings: StudySettings(scale: .smoke, base: PretrainConfig.preset("smoke")!, seeds: 1))
        XCTAssertTrue(plan.runs.allSatisfy { $0.config.seed == 0 })
        let three = try StudyPlan(studies: runnable, settings: StudyFixtures.smoke)
        XCTAssertEqual(three.runs.count, 3 * plan.runs.count)
    }

    func testTable4WaitsForCTCLIPInsteadOfFakingIt() throws {
        let table4 = try XCTUnwrap(Studies.all.first { $0.name == "table4" })
        if case .unavailable(let reason)? = table4.problems.first?.problem {
            XCTAssertTrue(reason.contains("CT-CLIP not available"))
        } else {
            XCTAssertEqual(table4.rows.count, 2, "with CT-CLIP, Table 4 compares Pilot and CT-CLIP")
        }
    }
}
