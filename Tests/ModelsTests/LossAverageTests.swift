import Autodiff
import Models
import NN
import Tensors
import XCTest

/// The per-example loss average against single-sequence losses and gradients, and against the token mean.
final class LossAverageTests: XCTestCase {
    /// Tolerance between a batch's per-example quantities and the same computed one sequence at a time.
    static let tolerance: Float = 1e-5

    /// Three sequences of length 12 with 1, 3 and 6 answer tokens, and their images.
    func batchWithUnequalAnswers() -> (TokenBatch, Tensor) {
        var rng = RandomStream(seed: 21)
        let length = 12, answers = [1, 3, 6]
        let tokens = (0..<(answers.count * length)).map { _ in Int32(rng.nextInt(below: 40)) }
        var targets = [Int32](repeating: CrossEntropy.ignoreIndex, count: tokens.count)
        for (b, answer) in answers.enumerated() {
            for t in (length - answer - 1)..<(length - 1) { targets[b * length + t] = tokens[b * length + t + 1] }
        }
        return (TokenBatch(tokens: tokens, targets: targets, batch: answers.count, length: length),
                Tensor.randomNormal([answers.count, 3, 32, 32], using: &rng))
    }

    /// A model whose LoRA is not zero, so that its gradients reach every adapter.
    func model() -> MultimodalModel {
        var rng = RandomStream(seed: 22)
        let model = MultimodalModel(config: ModelBehaviourTests.small, rng: &rng)
        for block in model.llm.layers { block.v.loraB.value = Tensor.randomNormal([32, 4], std: 0.1, using: &rng) }
        return model
    }

    /// Sequence `b` of `batch` alone (same length and padding).
    func sequence(_ b: Int, of batch: TokenBatch) -> TokenBatch {
        let span = (b * batch.length)..<((b + 1) * batch.length)
        return TokenBatch(tokens: Array(batch.tokens[span]), targets: Array(batch.targets[span]), batch: 1, length: batch.length)
    }

    func testExampleMeanIsTheMeanOfEachSequencesLossAndGradient() {
        let model = model()
        let (batch, images) = batchWithUnequalAnswers()
        let features = model.features(images, on: Tape()).value
        let parameters = model.trainableParameters().map(\.variable)

        let tape = Tape()
        let loss = model.loss(features: Variable(features), batch: batch, average: .examples, on: tape)
        tape.backward(loss.total)
        let batchGradients = parameters.map { $0.grad!.scalars }
        model.zeroGradients()

        var meanLoss: Float = 0
        var meanGradients = parameters.map { [Float](repeating: 0, count: $0.value.count) }
        for b in 0..<batch.batch {
            let single = Tape()
            let alone = model.loss(features: Variable(features.rows([b])), batch: sequence(b, of: batch), on: single)
            single.backward(alone.total)
            meanLoss += alone.languageModel / Float(batch.batch)
            for (i, p) in parameters.enumerated() {
                for (j, g) in p.grad!.scalars.enumerated() { meanGradients[i][j] += g / Float(batch.batch) }
            }
            model.zeroGradients()
        }

        XCTAssertEqual(loss.languageModel, meanLoss, accuracy: Self.tolerance)
        for (batchGradient, meanGradient) in zip(batchGradients, meanGradients) {
            for (x, y) in zip(batchGradient, meanGradient) { XCTAssertEqual(x, y, accuracy: Self.tolerance) }
        }
        XCTAssertGreaterThan(batchGradients.flatMap { $0 }.map(abs).max() ?? 0, 0, "the gradient reaches the adapters")
    }

    func testTokenMeanWeighsLongAnswersMore() {
        let model = model()
        let (batch, images) = batchWithUnequalAnswers()
        let features = Variable(model.features(images, on: Tape()).value)
        let tokens = model.loss(features: features, batch: batch, on: Tape()).languageModel
        let perSequence = (0..<batch.batch).map { b in
            model.loss(features: Variable(features.value.rows([b])), batch: sequence(b, of: batch), on: Tape()).languageModel
        }
        let weighted = zip(perSequence, [1, 3, 6]).map { $0 * Float($1) }.reduce(0, +) / 10
        XCTAssertEqual(tokens, weighted, accuracy: Self.tolerance, "the default is the mean over all 10 answer tokens")
        let examples = model.loss(features: features, batch: batch, average: .examples, on: Tape()).languageModel
        XCTAssertGreaterThan(abs(examples - tokens), 100 * Self.tolerance, "the two averages differ when answers differ in length")
    }
}
