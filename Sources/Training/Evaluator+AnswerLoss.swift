import Autodiff
import Models
import Tensors
import World

extension Evaluator {
    /// Mean cross-entropy per answer token of `model` on `examples`, teacher-forced (the held-out training objective).
    ///
    /// Finer than a task's metric on few examples: it moves with every step that makes the right
    /// answers likelier, before greedy answers change. `features` and `localWeights` as in `answers(of:to:features:localWeights:)`.
    public func answerLoss(_ model: MultimodalModel, on examples: [Example], features: Tensor?, localWeights: [Float]? = nil) -> Double {
        precondition(!examples.isEmpty, "nothing to evaluate")
        let samples = examples.map { EncodedSample($0, tokenizer: tokenizer) }
        // Pictures are rendered only when no features were given.
        let visual = features ?? EncodedDataSet.images(of: examples.map(\.scene)).encoded(by: model)   // [N, tokens, width]
        defer { model.localWeights = nil }
        var total = 0.0, tokens = 0
        for start in stride(from: 0, to: examples.count, by: batchSize) {
            let chunk = Array(start..<min(start + batchSize, examples.count))
            model.localWeights = localWeights.map { w in chunk.map { w[$0] } }
            let chunkSamples = chunk.map { samples[$0] }
            let count = EncodedDataSet.targetCount(chunkSamples)
            let batch = EncodedDataSet.tokenBatch(chunkSamples)
            let loss = model.loss(features: Variable(visual.rows(chunk)), batch: batch, on: Tape(inference: true))
            total += Double(loss.languageModel) * Double(count)
            tokens += count
        }
        return total / Double(tokens)
    }
}
