import Models
import Tensors
import Training
import World
import XCTest

/// The vision stage teaches the encoder what each patch shows.
final class VisionPretrainerTests: XCTestCase {
    /// Held-out patches are labelled better than by always guessing a group's most frequent label,
    /// so the encoder sees more than the label statistics.
    func testTheVisionStageLowersThePatchLossAndBeatsTheMajorityLabelOnHeldOutScenes() {
        let config = PretrainConfig(model: TrainingFixtures.tinyConfig, seed: 1, visionSteps: 300, steps: 1, batchSize: 16, learningRate: 1e-2)
        var rng = RandomStream(seed: 4)
        let encoder = VisionEncoder(config: config.model, rng: &rng)
        let heldOut = VisionPretrainer.scenes(seed: 1, 100_000..<100_064)
        let heldOutLabels = heldOut.map { PatchLabels(scene: $0, patch: config.model.patchSize) }
        var headRNG = RandomStream(seed: 5)
        var losses: [Float] = []
        var stages: Set<String> = []
        let result = VisionPretrainer(config: config).train(encoder, rng: &headRNG) { losses.append($0.loss); stages.insert($0.stage) }
        XCTAssertEqual(losses.count, 300)
        XCTAssertEqual(stages, ["vision"])
        XCTAssertLessThan(losses.suffix(5).reduce(0, +), 0.5 * losses.prefix(5).reduce(0, +), "the vision stage does not learn")
        XCTAssertFalse(encoder.namedParameters().contains { $0.variable.requiresGrad }, "the encoder is frozen after its stage")
        let after = VisionPretrainer.accuracy(encoder, result.heads, scenes: heldOut, patch: config.model.patchSize)
        for group in [PatchLabels.Group.color, .cell, .background] {
            let labels = heldOutLabels.flatMap { $0[group] }
            let majority = Double(Dictionary(grouping: labels, by: { $0 }).values.map(\.count).max()!) / Double(labels.count)
            XCTAssertGreaterThan(after.groups[group]!, majority + 0.15, "\(group): majority label \(majority), trained \(after.groups[group]!)")
        }
    }
}
