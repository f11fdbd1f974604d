@testable import Federated
import Foundation
import Tensors
import TestSupport
import Training
import World
import XCTest

/// What a run measures besides test scores: validation scores every round, the starting model's scores, each test item's score.
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
        for (round, items) in history.testItemScores.enumerated() {
            for client in clients {
                XCTAssertEqual(items[client.index].count, client.test.count)
                let mean = items[client.index].reduce(0, +) / Double(client.test.count)
                XCTAssertEqual(mean, history.scores[round][client.index], accuracy: 1e-3, "the items' mean is the score (round \(round + 1), \(client.name))")
            }
        }
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
