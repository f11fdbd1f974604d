import Autodiff
import Checkpoint
import Foundation
import Models
import NN
import Tensors
import World

/// Builds the pretrained base MLLM (DESIGN §7): encoder, language model and LLaVA connector trained
/// together on the generic corpus, never on a task's training set.
public struct Pretrainer {
    /// What to build.
    public let config: PretrainConfig

    /// A pretrainer for `config`.
    public init(config: PretrainConfig) { self.config = config }

    /// Progress of a pretraining run, reported after every step.
    public struct Progress {
        /// 0-based step just taken.
        public let step: Int
        /// Steps in the run.
        public let totalSteps: Int
        /// Its loss.
        public let loss: Float
        /// Seconds since the start.
        public let elapsed: Double
    }

    /// Trains a base from random weights; returns the model (LoRA adapters untouched: B = 0), the mean loss of the last 20 steps and the wall time.
    public func train(onStep: (Progress) -> Void = { _ in }) -> (model: MultimodalModel, finalLoss: Float, seconds: Double) {
        var rng = RandomStream(seed: config.seed).split(0xBA5E)
        let model = MultimodalModel(config: config.model, rng: &rng)
        model.setTrainable(false)
        model.vision.setTrainable(true)
        model.connector.setTrainable(true)
        for (_, p) in model.parameters(in: .llmBase) { p.setTrainable(true) }
        let corpus = DataSetStreams.pretraining(seed: config.seed)
        let tokenizer = Tokenizer()
        let parameters = model.trainableParameters()
        var optimizer = AdamW(weightDecay: config.weightDecay)
        let start = Date()
        var recent: [Float] = []
        for step in 0..<config.steps {
            let batch = EncodedDataSet((0..<config.batchSize).map { PretrainCorpus.sample(step * config.batchSize + $0, rng: corpus) },
                                       tokenizer: tokenizer)
            let all = Array(0..<batch.count)
            let tape = Tape()
            let loss = model.loss(features: model.features(batch.images, on: tape), batch: batch.tokenBatch(all), on: tape)
            tape.backward(loss.total)
            _ = Gradients.clip(parameters, maxNorm: 1)
            optimizer.step(parameters, learningRate: config.schedule.rate(step: step, totalSteps: config.steps))
            model.zeroGradients()
            recent = Array((recent + [loss.languageModel]).suffix(20))
            onStep(Progress(step: step, totalSteps: config.steps, loss: loss.languageModel, elapsed: Date().timeIntervalSince(start)))
        }
        model.setTrainable(false)
        return (model, recent.reduce(0, +) / Float(max(recent.count, 1)), Date().timeIntervalSince(start))
    }
}
