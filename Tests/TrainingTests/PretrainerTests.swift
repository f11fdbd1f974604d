import Checkpoint
import Foundation
import Models
import Tensors
import Training
import XCTest

/// A pretrained base learns, saves, loads back exactly and is reused by configuration.
final class PretrainerTests: XCTestCase {
    func testPretrainingLearnsAndTheBaseRoundTripsAndIsReused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-pretrain-\(getpid())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = PretrainConfig(model: TrainingFixtures.tinyConfig, seed: 1, steps: 60, batchSize: 8, learningRate: 3e-3)
        var losses: [Float] = []
        let (url, reused) = try BaseModel.ensure(config, in: directory) { losses.append($0.loss) }
        XCTAssertFalse(reused)
        XCTAssertEqual(losses.count, 60)
        XCTAssertLessThan(losses.suffix(5).reduce(0, +), 0.6 * losses.prefix(5).reduce(0, +), "pretraining does not learn")

        var rng = RandomStream(seed: 2)
        let (model, loaded) = try BaseModel.load(from: url, rng: &rng)
        XCTAssertEqual(loaded, config)
        let again = Pretrainer(config: config).train().model       // deterministic: the same weights again
        for (name, value) in again.parameterValues() where !name.contains("lora_") {
            XCTAssertEqual(model.parameterValues()[name], value, name)
        }
        XCTAssertTrue(model.parameters(in: .llmLoRA).allSatisfy { $0.variable.requiresGrad }, "a loaded base tunes LoRA")
        XCTAssertFalse(model.parameters(in: .llmBase).contains { $0.variable.requiresGrad }, "a loaded base freezes the LLM")

        let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as! Date
        let second = try BaseModel.ensure(config, in: directory) { _ in XCTFail("a base with this configuration exists") }
        XCTAssertTrue(second.reused)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as! Date, modified)
        var other = config
        other.steps = 61
        XCTAssertNotEqual(try BaseModel.fileName(for: other), try BaseModel.fileName(for: config))
    }

    func testAnotherSeedOrStepCountKeepsThePresetsOptimiserSettings() throws {
        // `pilot pretrain --base-seed/--base-steps` once rebuilt the config and silently dropped a preset's learning rate.
        let preset = PretrainConfig(model: TrainingFixtures.tinyConfig, seed: 0, steps: 100, batchSize: 12,
                                    learningRate: 3e-3, weightDecay: 0.05)
        let changed = preset.with(seed: 7, steps: 200)
        XCTAssertEqual(changed.seed, 7)
        XCTAssertEqual(changed.steps, 200)
        XCTAssertEqual(changed.schedule.base, 3e-3)
        XCTAssertEqual(changed.schedule.warmupSteps, 10)
        XCTAssertEqual(changed.weightDecay, 0.05)
        XCTAssertEqual(changed.batchSize, 12)
        XCTAssertEqual(changed.model, preset.model)
        XCTAssertEqual(preset.with(seed: 0, steps: 100), preset)
        XCTAssertEqual(PretrainConfig.preset("small")!.with(seed: 0, steps: 1000), PretrainConfig.preset("small")!)
    }

    func testAFileThatIsNotABaseIsRefusedByName() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-base-\(getpid()).h5")
        defer { try? FileManager.default.removeItem(at: url) }
        try HDF5Store.write(TensorArchive(tensors: ["x": Tensor(zeros: [2])]), to: url)
        var rng = RandomStream(seed: 1)
        XCTAssertThrowsError(try BaseModel.load(from: url, rng: &rng)) { error in
            XCTAssertTrue("\(error)".contains("not a pretrained base"), "\(error)")
        }
    }
}
