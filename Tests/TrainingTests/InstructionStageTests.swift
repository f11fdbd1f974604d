import Checkpoint
import Foundation
import Models
import Tensors
import Training
import World
import XCTest

/// The optional instruction stage (LLaVA-1.5's analog): its mix, its training, and the hash of bases without it.
final class InstructionStageTests: XCTestCase {
    func testTheMixIsHalfTheFourTasksItemsNeverScienceQAAndDeterministic() {
        let mix = InstructionMix.stream(seed: 3), corpus = DataSetStreams.pretraining(seed: 3)
        let items = (0..<800).map { InstructionMix.item($0, rng: mix, corpus: corpus) }
        XCTAssertEqual(items, (0..<800).map { InstructionMix.item($0, rng: mix, corpus: corpus) })
        let taskShare = Double(items.filter { $0.task != nil }.count) / Double(items.count)
        XCTAssertEqual(taskShare, 0.5, accuracy: 0.06)
        XCTAssertEqual(Set(items.compactMap(\.task)), Set([.gqa, .coco, .refcoco, .ocrvqa]))
        for task in InstructionMix.tasks {
            XCTAssertGreaterThan(items.filter { $0.task == task }.count, 60, "\(task) underdrawn")
        }
        XCTAssertNotEqual(InstructionMix.item(0, rng: InstructionMix.stream(seed: 4), corpus: corpus), items[0])
    }

    func testTheMixNeverRepeatsAClientsItemsOrTheAlignmentCorpus() {
        let mix = InstructionMix.stream(seed: 0), corpus = DataSetStreams.pretraining(seed: 0)
        let items = (0..<400).map { InstructionMix.item($0, rng: mix, corpus: corpus) }
        for task in InstructionMix.tasks {
            let streams = DataSetStreams(task: task, seed: 0)
            let clientScenes = Set((task.examples(count: 200, prefix: "t", rng: streams.train)
                                    + task.examples(count: 200, prefix: "v", rng: streams.test)).map(\.scene))
            XCTAssertTrue(items.filter { $0.task == task }.allSatisfy { !clientScenes.contains($0.scene) }, "\(task): a client's scene in the mix")
        }
        let alignmentScenes = Set((0..<400).map { PretrainCorpus.sample($0, rng: corpus).scene })
        XCTAssertTrue(items.filter { $0.task == nil }.allSatisfy { !alignmentScenes.contains($0.scene) })
    }

    func testTheStageTrainsAfterAlignmentAndChangesTheBase() {
        var config = PretrainConfig(model: TrainingFixtures.tinyConfig, seed: 1, visionSteps: 0, steps: 2, batchSize: 4, learningRate: 1e-2)
        let without = Pretrainer(config: config).train().model
        config.instructionSteps = 3
        var stages: [String] = []
        let with = Pretrainer(config: config).train { stages.append($0.stage) }.model
        XCTAssertEqual(stages, ["align", "align", "instruct", "instruct", "instruct"])
        let before = without.parameterValues(), after = with.parameterValues()
        XCTAssertNotEqual(before["connector.fc1.weight"], after["connector.fc1.weight"])
        XCTAssertEqual(before.filter { $0.key.hasPrefix("vision.") }, after.filter { $0.key.hasPrefix("vision.") }, "the encoder stays frozen")
        XCTAssertEqual(before.filter { $0.key.contains("lora_") }, after.filter { $0.key.contains("lora_") }, "LoRA stays untouched")
    }

    func testTheStageStartsFromTheSavedAlignedBaseWithTheSameWeightsAsFromScratch() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("instruct-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let scratch = directory.appendingPathComponent("scratch"), resumed = directory.appendingPathComponent("resumed")
        for url in [scratch, resumed] { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        let aligned = PretrainConfig(model: TrainingFixtures.tinyConfig, seed: 2, visionSteps: 2, steps: 2, batchSize: 4, learningRate: 1e-2)
        let instructed = aligned.with(seed: 2, instructionSteps: 3)

        let fromScratch = try BaseModel.ensure(instructed, in: scratch).url
        _ = try BaseModel.ensure(aligned, in: resumed)
        var stages: [String] = []
        let (fromAligned, reused) = try BaseModel.ensure(instructed, in: resumed) { stages.append($0.stage) }
        XCTAssertFalse(reused)
        XCTAssertEqual(stages, ["instruct", "instruct", "instruct"], "only the instruction stage runs")
        XCTAssertEqual(fromAligned.lastPathComponent, fromScratch.lastPathComponent)

        let a = try HDF5Store.read(from: fromScratch), b = try HDF5Store.read(from: fromAligned)
        XCTAssertEqual(a.tensors, b.tensors)
        for name in ["final_loss", "config_hash", "vision_accuracy_letters"] {
            XCTAssertEqual(a.attributes[name], b.attributes[name], name)
        }
        XCTAssertEqual(a.attributes["blas_core"], .string(BLAS.coreName), "the kernels that computed it are named")

        stages = []
        _ = try BaseModel.ensure(instructed, in: resumed, force: true) { stages.append($0.stage) }
        XCTAssertEqual(stages.first, "vision", "--force trains every stage again")
    }

    func testBasesWithoutTheStageKeepTheirHashAndOnesWithItGetAnother() throws {
        var small = PretrainConfig.preset("small")!
        small.numericsVersion = 1
        XCTAssertEqual(try BaseModel.fileName(for: small), "base-cde0ab5207231899.h5")
        XCTAssertFalse(try ConfigHash.canonicalJSON(small).contains("instructionSteps"))
        let withStage = small.with(seed: 0, instructionSteps: 1560)
        XCTAssertEqual(withStage.instructionSteps, 1560)
        XCTAssertEqual(withStage.with(seed: 1).instructionSteps, 1560, "a per-base copy keeps the stage")
        XCTAssertNotEqual(try ConfigHash.of(withStage), try ConfigHash.of(small))
        XCTAssertEqual(try JSONDecoder().decode(PretrainConfig.self, from: JSONEncoder().encode(withStage)), withStage)
    }
}
