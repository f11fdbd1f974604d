import Autodiff
import Foundation
import Models
import Tensors
import TestSupport
import XCTest

/// The feature cache computes once, reuses across instances through disk, and never serves stale or trainable features.
final class FeatureCacheTests: XCTestCase {
    func testComputesOnceReusesFromDiskAndMatchesTheEncoder() throws {
        var rng = RandomStream(seed: 1)
        let model = MultimodalModel(config: ModelBehaviourTests.small, rng: &rng)
        let images = Tensor.randomNormal([5, 3, 32, 32], using: &rng)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-features-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = FeatureCache(directory: dir, batchSize: 2)
        let first = try cache.features(of: images, encoder: model.vision)
        let again = try cache.features(of: images, encoder: model.vision)
        XCTAssertEqual(cache.computations, 1)
        XCTAssertEqual(first, again)
        assertClose(first, model.features(images, on: Tape()).value, tolerance: Tolerance.rounding)
        let fresh = FeatureCache(directory: dir)
        XCTAssertEqual(try fresh.features(of: images, encoder: model.vision), first)
        XCTAssertEqual(fresh.computations, 0, "a second cache on the same directory must read from disk")
    }

    func testChangedWeightsOrTrainableEncoderAreNotServedFromTheCache() throws {
        var rng = RandomStream(seed: 2)
        let model = MultimodalModel(config: ModelBehaviourTests.small, rng: &rng)
        let images = Tensor.randomNormal([2, 3, 32, 32], using: &rng)
        let cache = FeatureCache()
        let before = try cache.features(of: images, encoder: model.vision)
        model.vision.blocks[0].fc1.bias!.value = Tensor(repeating: 0.5, shape: model.vision.blocks[0].fc1.bias!.shape)
        let after = try cache.features(of: images, encoder: model.vision)
        XCTAssertEqual(cache.computations, 2)
        XCTAssertNotEqual(before, after)
        model.vision.setMLPTrainable(true)                     // CT-CLIP
        _ = try cache.features(of: images, encoder: model.vision)
        _ = try cache.features(of: images, encoder: model.vision)
        XCTAssertEqual(cache.computations, 4)
    }
}
