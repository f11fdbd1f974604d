@testable import Training
import Models
import Tensors
import XCTest

/// The base's skill probe measures a model deterministically.
final class BaseProbeTests: XCTestCase {
    func testAProbeIsDeterministicAndItsSharesAreFractions() {
        var rng = RandomStream(seed: 4)
        let model = MultimodalModel(config: TrainingFixtures.tinyConfig, rng: &rng)
        let config = PretrainConfig(model: TrainingFixtures.tinyConfig, seed: 1, visionSteps: 1, steps: 1)
        let a = BaseProbe.measure(model, config: config, count: 24), b = BaseProbe.measure(model, config: config, count: 24)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.samples, 24)
        for share in [a.cellAccuracy, a.boxAccuracy, a.objectRecordRecall, a.signAccuracy, a.backgroundAccuracy, a.readingAccuracy, a.choiceAccuracy] {
            XCTAssertTrue((0...1).contains(share))
        }
    }
}
