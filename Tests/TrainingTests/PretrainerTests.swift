import Checkpoint
import Foundation
import Models
import Tensors
import Training
import World
import XCTest

/// A pretrained base learns, saves, loads back exactly and is reused by configuration.
final class PretrainerTests: XCTestCase {
    func testPretrainingLearnsAndTheBaseRoundTripsAndIsReused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-pretrain-\(getpid())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = PretrainConfig(model: TrainingFixtures.tinyConfig, seed: 1, visionSteps: 60, steps: 60, batchSize: 8, learningRate: 3e-3)
        var losses: [String: [Float]] = [:]
        let (url, reused) = try BaseModel.ensure(config, in: directory) { losses[$0.stage, default: []].append($0.loss) }
        XCTAssertFalse(reused)
        XCTAssertEqual(losses["vision"]?.count, 60)
        XCTAssertEqual(losses["align"]?.count, 60)
        for (stage, curve) in losses {
            XCTAssertLessThan(curve.suffix(5).reduce(0, +), 0.6 * curve.prefix(5).reduce(0, +), "the \(stage) stage does not learn")
        }
        let (vision, language) = try BaseModel.stageAccuracies(at: url)
        XCTAssertNil(language, "no language stage ran")
        XCTAssertEqual(Set(vision.keys), Set(PatchLabels.Group.allCases.map { "\($0)" } + ["letters"]))
        XCTAssertTrue(vision.values.allSatisfy { (0...1).contains($0) })

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
        other = config
        other.visionSteps = 21
        XCTAssertNotEqual(try BaseModel.fileName(for: other), try BaseModel.fileName(for: config))
    }

    func testTheEncoderStaysFrozenWhileConnectorAndLanguageModelAlign() {
        // One or three alignment steps after the same vision stage: the encoder's weights must not differ.
        let short = PretrainConfig(model: TrainingFixtures.tinyConfig, seed: 3, visionSteps: 5, steps: 1, batchSize: 4)
        let one = Pretrainer(config: short).train().model
        let three = Pretrainer(config: short.with(seed: 3, steps: 3)).train().model
        for (name, value) in one.vision.parameterValues() {
            XCTAssertEqual(three.vision.parameterValues()[name], value, name)
        }
        XCTAssertNotEqual(one.connector.parameterValues(), three.connector.parameterValues(), "the connector aligns")
    }

    func testAnotherSeedOrStepCountKeepsThePresetsOptimiserSettings() throws {
        // `pilot pretrain --base-seed/--base-steps` once rebuilt the config and silently dropped a preset's learning rate.
        let preset = PretrainConfig(model: TrainingFixtures.tinyConfig, seed: 0, visionSteps: 30, steps: 100, batchSize: 12,
                                    learningRate: 3e-3, weightDecay: 0.05)
        let changed = preset.with(seed: 7, steps: 200)
        XCTAssertEqual(changed.seed, 7)
        XCTAssertEqual(changed.steps, 200)
        XCTAssertEqual(changed.visionSteps, 30)
        XCTAssertEqual(preset.with(seed: 0, visionSteps: 50).visionSteps, 50)
        XCTAssertEqual(preset.with(seed: 0, visionSteps: 50).steps, 100)
        XCTAssertEqual(changed.schedule.base, 3e-3)
        XCTAssertEqual(changed.schedule.warmupSteps, 10)
        XCTAssertEqual(changed.weightDecay, 0.05)
        XCTAssertEqual(changed.batchSize, 12)
        XCTAssertEqual(changed.model, preset.model)
        XCTAssertEqual(preset.with(seed: 0, steps: 100), preset)
        XCTAssertEqual(PretrainConfig.preset("small")!.with(seed: 0), PretrainConfig.preset("small")!)
    }

    func testAConfigurationStoredBeforeTheVisionStageDecodesWithNoVisionSteps() throws {
        let current = PretrainConfig.preset("small")!
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(current)) as! [String: Any]
        XCTAssertEqual(json["visionSteps"] as? Int, current.visionSteps)
        json["visionSteps"] = nil
        json["corpusVersion"] = 2
        let old = try JSONDecoder().decode(PretrainConfig.self, from: JSONSerialization.data(withJSONObject: json))
        XCTAssertEqual(old.visionSteps, 0)
        XCTAssertEqual(old.steps, current.steps)
        XCTAssertEqual(old.corpusVersion, 2)
        XCTAssertNotEqual(try ConfigHash.of(old), try ConfigHash.of(current))
        XCTAssertEqual(try JSONDecoder().decode(PretrainConfig.self, from: JSONEncoder().encode(current)), current)
    }

    func testTheNumericsVersionNamesOtherBasesAndRunsAndVersionOneKeepsTheOldNames() throws {
        let current = PretrainConfig.preset("small")!
        XCTAssertEqual(current.numericsVersion, PretrainConfig.currentNumericsVersion)
        XCTAssertGreaterThan(current.numericsVersion, 1)
        XCTAssertTrue(try ConfigHash.canonicalJSON(current).contains("\"numericsVersion\":\(current.numericsVersion)"))
        var first = current
        first.numericsVersion = 1
        XCTAssertFalse(try ConfigHash.canonicalJSON(first).contains("numericsVersion"), "version 1 keeps the JSON it had")
        XCTAssertEqual(try BaseModel.fileName(for: first), "base-cde0ab5207231899.h5", "the committed version-1 base")
        XCTAssertNotEqual(try BaseModel.fileName(for: current), try BaseModel.fileName(for: first))
        let decoded = try JSONDecoder().decode(PretrainConfig.self, from: JSONEncoder().encode(first))
        XCTAssertEqual(decoded.numericsVersion, 1, "a configuration stored without the field ran version 1")
        XCTAssertEqual(try JSONDecoder().decode(PretrainConfig.self, from: JSONEncoder().encode(current)), current)
        XCTAssertEqual(first.with(seed: 3).numericsVersion, 1, "a per-base copy keeps the version")
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
