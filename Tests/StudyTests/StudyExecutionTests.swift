import Checkpoint
import Federated
import Foundation
import PaperStudies
import Study
import Tensors
import XCTest

/// Whole tiny studies: execution skips finished runs and resumes partial ones; rendering reads the checkpoints alone.
final class StudyExecutionTests: XCTestCase {
    override class func tearDown() { try? FileManager.default.removeItem(at: StudyFixtures.directory) }

    /// Two rows × one seed × one round.
    static let tiny = Study("tiny", title: "Tiny", scenario: .visual) {
        Seeds(1)
        Rounds(1)
        Row("Local", .local)
        Row("FedAvg", .fedAvg)
        Table(.perClient)
        Figure(.clientBars)
        Figure(.roundCurves)
        Figure(.difference(row: "FedAvg", baseline: "Local"))
    }

    func plan(_ study: Study = tiny) throws -> StudyPlan { try StudyPlan(studies: [study], settings: StudyFixtures.settings()) }

    /// The paper's reproduction as `pilot figures` writes it, into `directory`.
    static func paperRepro(in directory: URL) -> ResultsReport {
        ResultsReport(destination: directory.appendingPathComponent("paper-repro.md")) { PaperReproduction(results: $0, facts: $1).markdown() }
    }

    func testFiguresFromCheckpointsAreByteIdenticalToTheExecutorsRendering() throws {
        let runs = StudyFixtures.freshDirectory("identical-runs")
        let executed = StudyFixtures.freshDirectory("identical-executor")
        var events: [ExecutionProgress] = []
        XCTAssertEqual(try StudyExecutor(plan: try plan(), runs: runs, baseURL: StudyFixtures.baseURL).execute { events.append($0) }, 2)
        XCTAssertEqual(events.last?.stepsDone, events.last?.stepsToDo, "the progress counts every local step")
        XCTAssertEqual(Set(events.map(\.runNumber)), [1, 2])
        try StudyRenderer().render(try plan(), runs: runs, into: executed, report: Self.paperRepro(in: executed))

        // `pilot figures` in a later process, from a copy holding nothing but the checkpoints.
        let copy = StudyFixtures.freshDirectory("identical-copy")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for run in try plan().runs {
            try FileManager.default.createDirectory(at: run.directory(in: copy), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: RunRecord.checkpoint(in: run.directory(in: runs)), to: RunRecord.checkpoint(in: run.directory(in: copy)))
        }
        let rerendered = StudyFixtures.freshDirectory("identical-figures")
        try StudyRenderer().render(try plan(), runs: copy, into: rerendered, report: Self.paperRepro(in: rerendered))

        let a = try StudyFixtures.files(under: executed), b = try StudyFixtures.files(under: rerendered)
        let figures = ["clients", "rounds", "difference"].flatMap { f in ["dat", "gp", "png", "svg"].map { "tiny/\(f).\($0)" } }
        XCTAssertEqual(Set(a.keys), Set(["README.md", "paper-repro.md", "tiny/table.md"] + figures))
        XCTAssertEqual(a, b, "re-rendering from the checkpoints gives the same bytes")
        let table = String(decoding: a["tiny/table.md"]!, as: UTF8.self)
        XCTAssertTrue(table.contains("GQA (accuracy) › GQA-1"), table)
        XCTAssertTrue(table.contains("| FedAvg"), table)
        let repro = String(decoding: a["paper-repro.md"]!, as: UTF8.self)
        XCTAssertTrue(repro.contains("Studies rendered: none of 7"), "the tiny study is none of the paper's")
    }

    func testARunClaimedElsewhereIsLeftForLastAndTrainedHereWhenItsHolderStopsWithoutFinishing() throws {
        let runs = StudyFixtures.freshDirectory("claimed-runs")
        let plan = try self.plan()
        // Another worker holds the first run and lets go, unfinished, while this executor trains the second.
        let held = try XCTUnwrap(RunClaim.acquire(plan.runs[0].directory(in: runs)))
        var events: [(run: String, event: ExecutionProgress.Event)] = []
        let executor = StudyExecutor(plan: plan, runs: runs, baseURL: StudyFixtures.baseURL)
        let trained = try executor.execute { progress in
            events.append((progress.run.directoryName, progress.event))
            if case .finished = progress.event { held.release() }
        }
        XCTAssertEqual(trained, 2)
        let first = plan.runs[0].directoryName, second = plan.runs[1].directoryName
        let order = events.compactMap { e -> String? in
            switch e.event {
            case .claimedElsewhere: return "\(e.run) claimed elsewhere"
            case .started: return "\(e.run) started"
            case .finished: return "\(e.run) finished"
            case .waiting, .finishedElsewhere, .step, .roundFinished: return nil
            }
        }
        XCTAssertEqual(order, ["\(first) claimed elsewhere", "\(second) started", "\(second) finished", "\(first) started", "\(first) finished"])
        XCTAssertEqual(plan.runs.map { $0.inspect(in: runs).status }, [.done, .done])
        // Run again with a claim held on a finished run: nothing to wait for, nothing trained.
        let again = try XCTUnwrap(RunClaim.acquire(plan.runs[0].directory(in: runs)))
        defer { again.release() }
        XCTAssertEqual(try executor.execute(), 0)
    }

    func testFinishedRunsAreSkippedAndPartialOnesResumed() throws {
        let runs = StudyFixtures.freshDirectory("resume-runs")
        let twoRounds = Study("resume", title: "Resume") { Seeds(1); Rounds(2); Row("Local", .local); Row("FedAvg", .fedAvg); Table(.perTask) }
        let plan = try self.plan(twoRounds)
        // An interrupted execution: FedAvg finished round 1 of 2; Local never started.
        let fedAvg = plan.runs[1]
        let partial = try FederatedRunner(config: fedAvg.config, baseURL: StudyFixtures.baseURL, directory: fedAvg.directory(in: runs)).run(through: 1)
        let survey = PlanSurvey(plan: plan, runs: runs)
        XCTAssertEqual(survey.statuses, [.pending, .partial(completedRounds: 1)])
        // The estimate counts one start (data, the starting model's scoring) per unfinished run besides the steps left.
        XCTAssertEqual(partial.setupSeconds.count, 1)
        XCTAssertGreaterThan(partial.setupSeconds[0], 0)
        let start = try XCTUnwrap(survey.secondsPerStart), pace = try XCTUnwrap(survey.secondsPerStep)
        XCTAssertEqual(start, partial.setupSeconds[0], accuracy: 1e-3, "read back from the checkpoint")
        XCTAssertEqual(survey.unfinishedRuns, 2)
        XCTAssertEqual(try XCTUnwrap(survey.estimatedSeconds), pace * Double(survey.remainingSteps) + 2 * start, accuracy: 1e-9)

        var started: [String: Int] = [:]
        XCTAssertEqual(try StudyExecutor(plan: plan, runs: runs, baseURL: StudyFixtures.baseURL).execute { p in
            if case let .started(after) = p.event { started[p.run.directoryName] = after }
        }, 2)
        XCTAssertEqual(started[fedAvg.directoryName], 1, "the partial run resumes after its round 1")
        XCTAssertEqual(PlanSurvey(plan: plan, runs: runs).statuses, [.done, .done])
        let finished = try RunRecord.load(from: RunRecord.checkpoint(in: fedAvg.directory(in: runs)))
        XCTAssertEqual(finished.history.validationScores.first, partial.validationScores.first)
        XCTAssertEqual(finished.history.setupSeconds.count, 2, "the first start and the resumption")
        XCTAssertEqual(PlanSurvey(plan: plan, runs: runs).estimatedSeconds, 0, "nothing left")
        XCTAssertEqual(try plan.results(in: runs).map(\.kernelFamilies), [[BLAS.coreName]], "read from the checkpoints")

        let checkpoint = RunRecord.checkpoint(in: plan.runs[0].directory(in: runs))
        let before = try Data(contentsOf: checkpoint)
        XCTAssertEqual(try StudyExecutor(plan: plan, runs: runs, baseURL: StudyFixtures.baseURL).execute(), 0, "nothing left to run")
        XCTAssertEqual(try Data(contentsOf: checkpoint), before, "a finished run is not touched")
    }

    func testRenderingNamesMissingRunsAndWritesNothing() throws {
        let runs = StudyFixtures.freshDirectory("missing-runs"), out = StudyFixtures.freshDirectory("missing-out")
        XCTAssertThrowsError(try StudyRenderer().render(try plan(), runs: runs, into: out)) { error in
            guard case let RenderError.missingRuns(_, total, missing) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(total, 2)
            XCTAssertEqual(missing.map(\.run), try! self.plan().runs.map(\.directoryName))
            XCTAssertTrue("\(error)".contains("tiny/Local seed 0"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testAForeignCheckpointStopsTheExecutionBeforeTraining() throws {
        let runs = StudyFixtures.freshDirectory("foreign-runs")
        let plan = try self.plan()
        let other = try StudyPlan(studies: [Study("other", title: "O") { Seeds(1); Rounds(1); Row("Shepherd", .shepherd); Table(.perTask) }],
                                  settings: StudyFixtures.settings())
        try StudyExecutor(plan: other, runs: runs, baseURL: StudyFixtures.baseURL).execute()
        // The Shepherd checkpoint lands where the plan expects Local's.
        try FileManager.default.createDirectory(at: plan.runs[0].directory(in: runs), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: RunRecord.checkpoint(in: other.runs[0].directory(in: runs)),
                                         to: RunRecord.checkpoint(in: plan.runs[0].directory(in: runs)))
        guard case .unusable? = PlanSurvey(plan: plan, runs: runs).statuses.first else { return XCTFail("not reported as unusable") }
        var trained = 0
        XCTAssertThrowsError(try StudyExecutor(plan: plan, runs: runs, baseURL: StudyFixtures.baseURL).execute { _ in trained += 1 }) {
            XCTAssertTrue("\($0)".contains(plan.runs[0].directoryName), "\($0)")
        }
        XCTAssertEqual(trained, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: plan.runs[1].directory(in: runs).path))
    }
}
