import Autodiff
import Models
import Tensors
import World

/// Answers test examples by greedy decoding and scores the answers with the task's metric.
public struct Evaluator {
    /// Sequences decoded together.
    public var batchSize: Int
    /// The tokenizer the model was trained with.
    public let tokenizer = Tokenizer()

    public init(batchSize: Int = 32) { self.batchSize = batchSize }

    /// Decoded answers of `model` to `examples`.
    ///
    /// - Parameters:
    ///   - features: the frozen encoder's features [N, tokens, width] of the examples, or nil to run
    ///     the encoder here.
    ///   - localWeights: FedDPA's instance-wise λ of each example (dual LoRA only), or nil for the model's own.
    public func answers(of model: MultimodalModel, to examples: [Example], features: Tensor?,
                        localWeights: [Float]? = nil) -> [String: String] {
        // Pictures are rendered only when no features were given.
        let visual = features ?? EncodedDataSet(examples, tokenizer: tokenizer).images.encoded(by: model)
        let decoded = decode(model, prompts: examples.map { EncodedSample($0, tokenizer: tokenizer).prompt }, features: visual,
                             localWeights: localWeights, maxNewTokens: { TaskMetric.maxAnswerTokens(of: examples[$0].task) })
        return Dictionary(uniqueKeysWithValues: zip(examples.map(\.id), decoded))
    }

    /// Greedy answers to token prompts, in order, with features [N, tokens, width]; `maxNewTokens(i)` bounds prompt i's answer.
    ///
    /// Prompts of equal length decode together (generation takes equal-length prompts); a group's
    /// bound is that of its first member. `localWeights` are FedDPA's per-prompt λ (dual LoRA only).
    public func decode(_ model: MultimodalModel, prompts: [[Int32]], features: Tensor, localWeights: [Float]? = nil,
                       maxNewTokens: (Int) -> Int) -> [String] {
        let byLength = Dictionary(grouping: prompts.indices, by: { prompts[$0].count })
        var out = Array(repeating: "", count: prompts.count)
        defer { model.localWeights = nil }
        for length in byLength.keys.sorted() {
            let members = byLength[length]!
            for start in stride(from: 0, to: members.count, by: batchSize) {
                let chunk = Array(members[start..<min(start + batchSize, members.count)])
                model.localWeights = localWeights.map { w in chunk.map { w[$0] } }
                let tokens = model.generate(features: features.rows(chunk), prompts: chunk.flatMap { prompts[$0] }, batch: chunk.count,
                                            maxNewTokens: maxNewTokens(chunk[0]), endToken: Tokenizer.end)
                for (i, index) in chunk.enumerated() { out[index] = tokenizer.decode(tokens[i]) }
            }
        }
        return out
    }

    /// The score of `model` on `examples` (all of one task).
    public func evaluate(_ model: MultimodalModel, on examples: [Example], features: Tensor?, localWeights: [Float]? = nil) -> Evaluation {
        precondition(!examples.isEmpty, "nothing to evaluate")
        let task = examples[0].task
        precondition(examples.allSatisfy { $0.task == task }, "an evaluation covers one task")
        let predictions = answers(of: model, to: examples, features: features, localWeights: localWeights)
        let references = Dictionary(uniqueKeysWithValues: examples.map { ($0.id, $0.references) })
        let (score, perItem) = TaskMetric.score(task, predictions: predictions, references: references)
        return Evaluation(task: task, score: score, perItem: perItem, predictions: predictions)
    }
}

extension Tensor {
    /// The vision features of images [N, 3, H, W] under `model`'s encoder, computed without a tape's record.
    func encoded(by model: MultimodalModel) -> Tensor {
        model.features(self, on: Autodiff.Tape(inference: true)).value
    }
}
