import Federated
import Models
import Tensors
import TestSupport
import XCTest

/// FedDPA's instance-wise weight: hand-computed similarities, and representations independent of batching.
final class FedDPAInstanceWeightTests: XCTestCase {
    func testWeightIsTheClampedMeanCosineTimesTheMaximum() {
        let train: [[Float]] = [[1, 0], [0, 2]]
        let test: [[Float]] = [[3, 0], [1, 1], [-1, 0], [0, 0]]
        let w = FedDPAInstanceWeight.weights(test: test, train: train, maximum: 0.5)
        XCTAssertEqual(w[0], 0.25, accuracy: 1e-7)                          // cos 1 and 0 → mean ½ → ½·½
        XCTAssertEqual(w[1], 0.5 * Float(0.5.squareRoot()), accuracy: 1e-7)  // cos √½ to both
        XCTAssertEqual(w[2], 0)                                              // mean −½ clamps to 0
        XCTAssertEqual(w[3], 0)                                              // a zero vector is similar to nothing
        XCTAssertEqual(FedDPAInstanceWeight.weights(test: [[2, 0]], train: [[1, 0]], maximum: 0.8), [0.8])
    }

    func testARepresentationDoesNotDependOnItsBatchOrPadding() {
        var rng = RandomStream(seed: 1)
        let model = MultimodalModel(config: TinyModel.config, dualLoRA: true, rng: &rng)
        for block in model.llm.layers { block.q.localB!.value = Tensor.randomNormal(block.q.localB!.shape, std: 0.3, using: &rng) }
        let short: [Int32] = [5, 6, 7], long: [Int32] = [8, 9, 10, 11, 12, 13, 2]
        let weighting = FedDPAInstanceWeight(maximum: 0.5)
        let together = weighting.representations(model, prompts: [long, short])
        let alone = weighting.representations(model, prompts: [short])
        XCTAssertEqual(together.count, 2)
        XCTAssertEqual(together[1].count, model.config.width)
        assertClose(Tensor(shape: [model.config.width], scalars: together[1]), Tensor(shape: [model.config.width], scalars: alone[0]),
                    tolerance: Tolerance.rounding)
        let w = weighting.weights(model, test: [short, long], train: [short, [5, 6, 9]])
        XCTAssertTrue(w.allSatisfy { $0 >= 0 && $0 <= 0.5 }, "\(w)")
        XCTAssertGreaterThan(w[0], w[1], "a test prompt among the training prompts is more similar than another")
    }
}
