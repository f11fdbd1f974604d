import Autodiff
import Models
import NN
import Tensors
import Training
import World
import XCTest

/// Local training lowers the loss, touches only trainable weights and is deterministic.
final class LocalTrainerTests: XCTestCase {
    func makeModel() -> MultimodalModel {
        var rng = RandomStream(seed: 3)
        return MultimodalModel(config: TrainingFixtures.tinyConfig, rng: &rng)
    }

    func run(_ model: MultimodalModel, epochs: Int) -> [StepRecord] {
        let data = EncodedDataSet(TrainingFixtures.examples(.ocrvqa, 12), tokenizer: Tokenizer())
        let features = model.features(data.images, on: Tape()).value
        let options = TrainingOptions(epochs: epochs, batchSize: 4, schedule: LearningRateSchedule(base: 1e-2))
        var rng = RandomStream(seed: 9)
        return LocalTrainer(options: options).train(model, on: data, features: features, rng: &rng)
    }

    func testLossFallsAndOnlyTrainableWeightsMove() {
        let model = makeModel()
        let frozen = model.namedParameters().filter { !$0.variable.requiresGrad }.map { ($0.name, $0.variable.value) }
        let records = run(model, epochs: 25)
        XCTAssertEqual(records.count, 75, "3 batches × 25 epochs")
        let first = records.prefix(3).map(\.languageModelLoss).reduce(0, +), last = records.suffix(3).map(\.languageModelLoss).reduce(0, +)
        XCTAssertLessThan(last, 0.7 * first, "a random frozen LLM under rank-4 LoRA learns slowly, but it must learn")
        let after = model.parameterValues()
        for (name, value) in frozen { XCTAssertEqual(after[name], value, "\(name) is frozen but moved") }
    }

    func testSameSeedSameLosses() {
        XCTAssertEqual(run(makeModel(), epochs: 2).map(\.loss), run(makeModel(), epochs: 2).map(\.loss))
    }
}
