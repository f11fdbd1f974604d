import Checkpoint
import Federated
import Foundation
import Models
import NN
import Tensors
import TestSupport
import Training
import World
import XCTest

/// Whole runs on a tiny model: they resume exactly, and FedAvg over identical clients is local training.
final class FederatedRunnerTests: XCTestCase {
    static let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-fed-\(getpid())")

    static var tinyModel: ModelConfig { TinyModel.config }

    static let base = PretrainConfig(model: tinyModel, seed: 1, visionSteps: 4, steps: 4, batchSize: 4)
    static let baseURL: URL = try! BaseModel.ensure(base, in: directory).url

    override class func tearDown() { try? FileManager.default.removeItem(at: directory) }

    func config(_ method: Method, rounds: Int = 2) -> RunConfig {
        RunConfig(scenario: Scenario.Config(kind: .visual, scale: ScalePreset(name: "t", trainPerClient: 4, testPerClient: 2)),
                  method: method, rounds: rounds,
                  training: TrainingOptions(epochs: 1, batchSize: 2, schedule: LearningRateSchedule(base: 1e-2)), seed: 3, base: Self.base)
    }

    func testResumedRunEndsBitIdenticalToAnUninterruptedOne() throws {
        for method in [Method.pilot(PilotOptions()), .fedAdam(serverLearningRate: 1e-2), .fedProx(mu: 0.1)] {
            let full = Self.directory.appendingPathComponent("full-\(method.name)")
            let whole = try FederatedRunner(config: config(method), baseURL: Self.baseURL, directory: full).run()

            let split = Self.directory.appendingPathComponent("split-\(method.name)")
            // A process that dies after round 1 leaves the checkpoint of round 1; a new one resumes from it.
            _ = try FederatedRunner(config: config(method), baseURL: Self.baseURL, directory: split).run(through: 1)
            let resumed = try FederatedRunner(config: config(method), baseURL: Self.baseURL, directory: split)
            XCTAssertEqual(resumed.history.rounds, 1)
            let finished = try resumed.run()
            XCTAssertEqual(TinyRun.scores(finished), TinyRun.scores(whole), "\(method.name)")
            XCTAssertEqual(finished.trainLoss, whole.trainLoss, "\(method.name)")
            let a = try HDF5Store.read(from: full.appendingPathComponent("run.h5")).tensors
            let b = try HDF5Store.read(from: split.appendingPathComponent("run.h5")).tensors
            XCTAssertEqual(Set(a.keys), Set(b.keys))
            let differing = a.keys.filter { !RunHistory.wallClockTensorNames.contains($0) && a[$0] != b[$0] }.sorted()
            XCTAssertEqual(differing, [], "\(method.name): these differ after resuming")
        }
    }

    func testACheckpointOfAnotherConfigurationIsRefused() throws {
        let dir = Self.directory.appendingPathComponent("foreign")
        _ = try FederatedRunner(config: config(.fedAvg, rounds: 1), baseURL: Self.baseURL, directory: dir).run()
        XCTAssertThrowsError(try FederatedRunner(config: config(.shepherd, rounds: 1), baseURL: Self.baseURL, directory: dir)) { error in
            XCTAssertTrue("\(error)".contains("belongs to configuration"), "\(error)")
        }
    }

    func testCommunicationFollowsTheMethod() throws {
        let dir = Self.directory.appendingPathComponent("comm")
        let local = try FederatedRunner(config: config(.local, rounds: 1), baseURL: Self.baseURL, directory: dir.appendingPathComponent("l")).run()
        XCTAssertTrue(local.uploaded[0].allSatisfy { $0 == 0 })
        let shepherd = try FederatedRunner(config: config(.shepherd, rounds: 1), baseURL: Self.baseURL, directory: dir.appendingPathComponent("s")).run()
        let fedavg = try FederatedRunner(config: config(.fedAvg, rounds: 1), baseURL: Self.baseURL, directory: dir.appendingPathComponent("f")).run()
        let c = Self.tinyModel
        let lora = c.layers * 4 * 2 * c.loraRank * c.width
        let connector = c.visionWidth * c.connectorHidden + c.connectorHidden + c.connectorHidden * c.width + c.width
        XCTAssertEqual(shepherd.uploaded[0][0], lora, "Shepherd sends the LoRA only")
        XCTAssertEqual(fedavg.uploaded[0][0], lora + connector, "FedAvg sends connector and LoRA")
    }
}
