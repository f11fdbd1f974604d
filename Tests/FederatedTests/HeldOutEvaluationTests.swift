@testable import Federated
import Foundation
import Tensors
import TestSupport
import Training
import World
import XCTest

/// What a run measures besides test scores: validation scores every round, the starting model's scores, each test item's
/// score; the test set scored only at the start and after the last round.
final class HeldOutEvaluationTests: XCTestCase {
    func testARunRecordsValidationInitialAndPerItemScoresAndStoresThem() throws {
        let config = TinyRun.config(.fedAvg, rounds: 2)
        let runner = try TinyRun.runner(config, "held-out")
        let history = try runner.run()
        let clients = runner.scenario.clients
        XCTAssertEqual(history.validationScores.count, 2)
        XCTAssertEqual(history.initialScores.count, clients.count)
        XCTAssertEqual(history.initialValidationScores.count, clients.count)
        XCTAssertEqual(history.testItemScores.count, 2)
        // Round 1 of 2: the test set is not scored (no score, loss or items); round 2, the last, is.
        XCTAssertTrue(history.scores[0].allSatisfy(\.isNaN) && history.testLoss[0].allSatisfy(\.isNaN), "\(history.scores)")
        XCTAssertEqual(history.testItemScores[0].map(\.count), Array(repeating: 0, count: clients.count))
        XCTAssertTrue(history.testLoss[1].allSatisfy { $0.isFinite && $0 > 0 }, "\(history.testLoss)")
        for client in clients {
            let items = history.testItemScores[1][client.index]
            XCTAssertEqual(items.count, client.test.count)
            let mean = items.reduce(0, +) / Double(client.test.count)
            XCTAssertEqual(mean, history.scores[1][client.index], accuracy: 1e-3, "the items' mean is the score (\(client.name))")
        }
        // Skipping round 1's test set changes no number: scoring the last state by hand gives the recorded scores.
        let test = try runner.evaluate(round: 2, on: .test)
        XCTAssertEqual(test.map { Double(Float($0.score)) }, history.scores[1])
        XCTAssertEqual(test.map { Double(Float($0.loss!)) }, history.testLoss[1])
        // The validation score is a measurement of its own set: scoring the validation examples by hand gives it.
        let evaluated = try runner.evaluate(round: 2, on: .validation)
        XCTAssertEqual(evaluated.map { Double(Float($0.score)) }, history.validationScores[1])
        XCTAssertEqual(evaluated.map(\.items.count), clients.map(\.validation.count))
        // Everything survives the checkpoint.
        let stored = try RunRecord.load(from: TinyRun.checkpoint("held-out")).history
        XCTAssertEqual(stored.validationScores, history.validationScores)
        XCTAssertEqual(stored.initialScores, history.initialScores)
        XCTAssertEqual(stored.initialValidationScores, history.initialValidationScores)
        XCTAssertEqual(stored.testItemScores.map { $0.map { $0.map { Float($0) } } }, history.testItemScores.map { $0.map { $0.map { Float($0) } } })
        XCTAssertEqual(stored.scores[1], history.scores[1])
        XCTAssertTrue(stored.scores[0].allSatisfy(\.isNaN))
    }

    func testAResumedRunStoresTheSameRoundsAsAnUninterruptedOne() throws {
        let config = TinyRun.config(.fedAvg, rounds: 2)
        let whole = try TinyRun.runner(config, "held-out-whole").run()
        let partial = try TinyRun.runner(config, "held-out-resumed").run(through: 1)
        XCTAssertTrue(partial.scores[0].allSatisfy(\.isNaN), "round 1 of 2 scores no test items")
        XCTAssertEqual(try RunRecord.load(from: TinyRun.checkpoint("held-out-resumed")).history.testItemScores.map { $0.map(\.count) },
                       [Array(repeating: 0, count: 3)], "the checkpoint of round 1 holds a round without items")
        let resumed = try TinyRun.runner(config, "held-out-resumed").run()
        XCTAssertEqual(resumed.testItemScores, whole.testItemScores)
        XCTAssertEqual(resumed.scores[1], whole.scores[1])
        XCTAssertEqual(resumed.validationScores, whole.validationScores)
    }

    func testTheStartingModelsScoresAreTheUntrainedBases() throws {
        // Local and FedAvg start from the same base with zero LoRA: the same round-0 scores.
        let local = try TinyRun.runner(TinyRun.config(.local, rounds: 1), "initial-local").run()
        let fedavg = try TinyRun.runner(TinyRun.config(.fedAvg, rounds: 1), "initial-fedavg").run()
        XCTAssertEqual(local.initialScores, fedavg.initialScores)
        XCTAssertEqual(local.initialValidationScores, fedavg.initialValidationScores)
    }

    func testPilotsSecondStageRunsAtTwiceTheRate() throws {
        let runner = try TinyRun.runner(TinyRun.config(.pilot(PilotOptions()), rounds: 2), "stage-two-rate")
        XCTAssertEqual(runner.trainingOptions(round: 1).schedule.base, 1e-2)
        XCTAssertEqual(runner.trainingOptions(round: 2).schedule.base, 2e-2)
        var options = PilotOptions()
        options.stageTwoRateFactor = 1
        let flat = try TinyRun.runner(TinyRun.config(.pilot(options), rounds: 2), "stage-two-flat")
        XCTAssertEqual(flat.trainingOptions(round: 2).schedule.base, 1e-2)
        let fedavg = try TinyRun.runner(TinyRun.config(.fedAvg, rounds: 2), "stage-two-fedavg")
        XCTAssertEqual(fedavg.trainingOptions(round: 2).schedule.base, 1e-2, "only Pilot has stages")
    }
}
