import Autodiff
import Foundation
import Models
import Tensors
import TestSupport
import XCTest

/// The feature cache computes once and never serves stale or trainable features.
final class FeatureCacheTests: XCTestCase {
    func testComputesOnceAndMatchesTheEncoder() throws {
        var rng = RandomStream(seed: 1)
        let model = MultimodalModel(config: ModelBehaviourTests.small, rng: &rng)
        let images = Tensor.randomNormal([5, 3, 32, 32], using: &rng)
        let cache = FeatureCache(batchSize: 2)
        let first = cache.features(of: images, encoder: model.vision)
        let again = cache.features(of: images, encoder: model.vision)
        XCTAssertEqual(cache.computations, 1)
        XCTAssertEqual(first, again)
        assertClose(first, model.features(images, on: Tape()).value, tolerance: Tolerance.rounding)
    }

    func testChangedWeightsOrTrainableEncoderAreNotServedFromTheCache() throws {
        var rng = RandomStream(seed: 2)
        let model = MultimodalModel(config: ModelBehaviourTests.small, rng: &rng)
        let images = Tensor.randomNormal([2, 3, 32, 32], using: &rng)
        let cache = FeatureCache()
        let before = cache.features(of: images, encoder: model.vision)
        model.vision.blocks[0].fc1.bias!.value = Tensor(repeating: 0.5, shape: model.vision.blocks[0].fc1.bias!.shape)
        let after = cache.features(of: images, encoder: model.vision)
        XCTAssertEqual(cache.computations, 2)
        XCTAssertNotEqual(before, after)
        model.vision.setMLPTrainable(true)                     // CT-CLIP
        _ = cache.features(of: images, encoder: model.vision)
        _ = cache.features(of: images, encoder: model.vision)
        XCTAssertEqual(cache.computations, 4)
    }
}
