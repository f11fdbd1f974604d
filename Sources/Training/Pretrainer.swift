import Autodiff
import Checkpoint
import Foundation
import Models
import NN
import Tensors
import World

/// Builds the pretrained base MLLM (docs/design.md) on generic data of the world, never on a task's training set.
///
/// Up to four stages, as LLaVA's parts are made: optionally the language model learns the world's
/// text on its own (`LanguagePretrainer`, the Vicuna analog; `languageSteps`, 0 in every preset),
/// the vision encoder what each patch shows (`VisionPretrainer`, the CLIP analog); then, with the
/// encoder frozen, the LLaVA connector and the language model learn the corpus's descriptions and
/// instructions; optionally they go on with `InstructionMix` (LLaVA-1.5's instruction tuning;
/// `instructionSteps`, 0 in every preset).
public struct Pretrainer {
    /// What to build.
    public let config: PretrainConfig

    public init(config: PretrainConfig) { self.config = config }

    /// Progress of a pretraining run, reported after every step.
    public struct Progress {
        /// "language", "vision", "align" or "instruct" (the stages in order).
        public let stage: String
        /// 0-based step just taken.
        public let step: Int
        /// Steps in the run.
        public let totalSteps: Int
        public let loss: Float
        /// Seconds since the start of the stage.
        public let elapsed: Double
    }

    /// What pretraining made and measured.
    public struct Result {
        /// The base (LoRA adapters untouched: B = 0).
        public let model: MultimodalModel
        /// Mean alignment loss of the last 20 steps.
        public let finalLoss: Float
        /// Wall time of all stages.
        public let seconds: Double
        /// The vision stage's held-out patch accuracy per label group ("letters": glyph patches only).
        public let visionAccuracy: [String: Double]
        /// The language stage's held-out multiple-choice accuracy (nil without the stage).
        public let languageAccuracy: Double?
    }

    /// Held-out scenes the vision stage is scored on, far beyond any training step's.
    static let visionHeldOut = (1 << 40)..<((1 << 40) + 256)

    /// Trains a base from random weights.
    public func train(onStep: (Progress) -> Void = { _ in }) -> Result {
        var rng = Self.modelStream(seed: config.seed)
        let model = MultimodalModel(config: config.model, rng: &rng)
        model.setTrainable(false)
        var languageSeconds = 0.0, languageAccuracy: Double?
        if config.languageSteps > 0 {
            for (_, p) in model.parameters(in: .llmBase) { p.setTrainable(true) }
            languageSeconds = LanguagePretrainer(config: config).train(model.llm, onStep: onStep).seconds
            languageAccuracy = LanguagePretrainer.accuracy(model.llm, seed: config.seed)
            model.setTrainable(false)
        }
        var headRNG = RandomStream(seed: config.seed).split(0x4EAD)
        let vision = VisionPretrainer(config: config).train(model.vision, rng: &headRNG, onStep: onStep)
        let scored = VisionPretrainer.accuracy(model.vision, vision.heads, scenes: VisionPretrainer.scenes(seed: config.seed, Self.visionHeldOut),
                                               patch: config.model.patchSize)
        var visionAccuracy = Dictionary(uniqueKeysWithValues: scored.groups.map { ("\($0.key)", $0.value) })
        visionAccuracy["letters"] = scored.letterAccuracy
        model.connector.setTrainable(true)
        for (_, p) in model.parameters(in: .llmBase) { p.setTrainable(true) }
        let corpus = DataSetStreams.pretraining(seed: config.seed)
        let align = trainStage("align", model, steps: config.steps, schedule: config.schedule, onStep: onStep) { index in
            PretrainCorpus.sample(index, rng: corpus)
        }
        let instructionSeconds = config.instructionSteps > 0 ? instruct(model, onStep: onStep) : 0
        model.setTrainable(false)
        return Result(model: model, finalLoss: align.finalLoss,
                      seconds: languageSeconds + vision.seconds + align.seconds + instructionSeconds, visionAccuracy: visionAccuracy,
                      languageAccuracy: languageAccuracy)
    }

    /// The stream `train` initialises the model's weights from. A base loaded into a model made from it
    /// holds the LoRA initialisation `train` would have given it.
    public static func modelStream(seed: UInt64) -> RandomStream { RandomStream(seed: seed).split(0xBA5E) }

    /// Runs the instruction stage (`config.instructionSteps` steps of `InstructionMix`) on `model`, an aligned
    /// base: connector and language model train, the encoder and LoRA stay frozen. Returns its wall time.
    ///
    /// On the base `train` aligns in the same process, or on that base saved and loaded again, it gives the
    /// same weights: the stage's optimizer, schedule and items depend only on the config.
    public func instruct(_ model: MultimodalModel, onStep: (Progress) -> Void = { _ in }) -> Double {
        model.setTrainable(false)
        model.connector.setTrainable(true)
        for (_, p) in model.parameters(in: .llmBase) { p.setTrainable(true) }
        let mix = InstructionMix.stream(seed: config.seed), corpus = DataSetStreams.pretraining(seed: config.seed)
        let seconds = trainStage("instruct", model, steps: config.instructionSteps,
                                 schedule: config.stageSchedule(steps: config.instructionSteps), onStep: onStep) { index in
            InstructionMix.item(index, rng: mix, corpus: corpus)
        }.seconds
        model.setTrainable(false)
        return seconds
    }

    /// Trains `model`'s trainable parameters for `steps` steps of `config.batchSize` items, item i of
    /// step s being `item(s · batchSize + i)`, with next-token loss on the answers; returns the mean loss of
    /// the last 20 steps and the wall time.
    func trainStage<Sample: InstructionSample>(_ stage: String, _ model: MultimodalModel, steps: Int, schedule: LearningRateSchedule,
                                               onStep: (Progress) -> Void, item: (Int) -> Sample) -> (finalLoss: Float, seconds: Double) {
        let tokenizer = Tokenizer()
        let parameters = model.trainableParameters()
        var optimizer = AdamW(weightDecay: config.weightDecay)
        let start = Date()
        var recent: [Float] = []
        for step in 0..<steps {
            let batch = EncodedDataSet((0..<config.batchSize).map { item(step * config.batchSize + $0) }, tokenizer: tokenizer)
            let tape = Tape()
            let loss = model.loss(features: model.features(batch.images, on: tape), batch: batch.tokenBatch(Array(0..<batch.count)), on: tape)
            tape.backward(loss.total)
            _ = Gradients.clip(parameters, maxNorm: 1)
            optimizer.step(parameters, learningRate: schedule.rate(step: step, totalSteps: steps))
            model.zeroGradients()
            recent = Array((recent + [loss.languageModel]).suffix(20))
            onStep(Progress(stage: stage, step: step, totalSteps: steps, loss: loss.languageModel, elapsed: Date().timeIntervalSince(start)))
        }
        return (recent.reduce(0, +) / Float(max(recent.count, 1)), Date().timeIntervalSince(start))
    }
}
