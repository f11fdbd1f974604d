import Autodiff
import Foundation
import Models
import NN
import Tensors

/// `pilot bench model`: training-step, evaluation and generation throughput of pilot-tiny, on
/// synthetic batches of the shape the PyTorch reference's `reference/bench.py` times (16 visual +
/// 48 text tokens, loss on the last 16).
public struct ModelBenchmark {
    /// The model variants of the reference benchmark.
    public enum Variant: String, CaseIterable, Sendable {
        /// LLaVA connector (the baselines).
        case llava
        /// Pilot stage 1.
        case pilot1
        /// Pilot stage 2 (CT-MoA with three tasks).
        case pilot2
    }

    /// Text tokens per sequence, answer tokens with a loss, prompt length for generation.
    public static let textTokens = 48, answerTokens = 16, promptTokens = 32

    /// Untimed training steps and eval forwards, and untimed generation calls, before each
    /// measurement; `TorchReference` passes the same to the PyTorch reference, so that both sides
    /// are measured alike.
    public static let warmup = 5, generationWarmup = 2

    /// Timed samples per measurement (medians are reported).
    public var iterations: Int
    /// Timed generation calls per measurement.
    public var generationIterations: Int

    public init(iterations: Int = 20, generationIterations: Int = 8) {
        self.iterations = iterations
        self.generationIterations = generationIterations
    }

    public struct Result {
        public let variant: Variant, batch: Int, threads: Int
        /// Examples per second at the median of training steps, eval forwards and KV-cache generations.
        public let trainExamplesPerSecond: Double, evalExamplesPerSecond: Double, generateExamplesPerSecond: Double
        /// Median step time in seconds.
        public let trainStepSeconds: Double
    }

    /// pilot-tiny with the variant's connector (random weights, as the reference).
    public static func makeModel(_ variant: Variant, seed: UInt64 = 0) -> MultimodalModel {
        var rng = RandomStream(seed: seed)
        let model = MultimodalModel(rng: &rng)
        let base = model.connector as! MLPAdapter
        switch variant {
        case .llava: break
        case .pilot1: model.connector = PilotStage1Connector(initialisedFrom: base)
        case .pilot2:
            let c = model.config
            let others = (0..<2).map { _ in MLPAdapter(inputs: c.visionWidth, hidden: c.connectorHidden, outputs: c.width, rng: &rng) }
            model.connector = CTMoAConnector(ownTask: base, otherTasks: others, client: base, config: c, rng: &rng)
        }
        return model
    }

    /// Random images [B, 3, 32, 32] and text [B, 48] with targets on the last 16 tokens.
    public static func makeBatch(_ b: Int, vocabulary: Int, seed: UInt64) -> (Tensor, TokenBatch) {
        var rng = RandomStream(seed: seed)
        let images = Tensor.randomNormal([b, 3, 32, 32], using: &rng)
        let n = textTokens
        let tokens = (0..<(b * n)).map { _ in Int32(rng.nextInt(below: vocabulary)) }
        var targets = [Int32](repeating: CrossEntropy.ignoreIndex, count: tokens.count)
        for s in 0..<b { for t in (n - answerTokens - 1)..<(n - 1) { targets[s * n + t] = tokens[s * n + t + 1] } }
        return (images, TokenBatch(tokens: tokens, targets: targets, batch: b, length: n))
    }

    /// Positions the last decoder block computes queries for on a benchmark batch: from its first target on, as `MultimodalModel.loss` does.
    public static func lastBlockQueries(_ c: ModelConfig = .pilotTiny) -> Int {
        let (_, batch) = makeBatch(1, vocabulary: c.vocabulary, seed: 0)
        return c.visualTokens + textTokens - batch.firstTargetPosition(offset: c.visualTokens)
    }

    /// Measures one variant at one batch size on the current thread count.
    public func measure(_ variant: Variant, batch b: Int) -> Result {
        let model = Self.makeModel(variant)
        let batches = (0..<4).map { Self.makeBatch(b, vocabulary: model.config.vocabulary, seed: UInt64(b * 10 + $0)) }
        var adam = AdamW(weightDecay: 0.01)
        var i = 0
        let train = Samples.measure(warmup: Self.warmup, iterations: iterations) {
            let (images, text) = batches[i % batches.count]
            i += 1
            model.zeroGradients()
            let tape = Tape()
            let loss = model.loss(features: model.features(images, on: tape), batch: text, on: tape)
            tape.backward(loss.total)
            adam.step(model.trainableParameters(), learningRate: 2e-4)
        }
        let eval = Samples.measure(warmup: Self.warmup, iterations: iterations) {
            let (images, text) = batches[i % batches.count]
            i += 1
            let tape = Tape(inference: true)
            _ = model.loss(features: model.features(images, on: tape), batch: text, on: tape)
        }
        let (images, text) = batches[0]
        let prompts = Self.prompts(of: text)
        let generation = Samples.measure(warmup: Self.generationWarmup, iterations: generationIterations) {
            Self.generationCall(model, images: images, prompts: prompts, batch: b)
        }
        return Result(variant: variant, batch: b, threads: Parallel.threadCount,
                      trainExamplesPerSecond: Double(b) / train.median, evalExamplesPerSecond: Double(b) / eval.median,
                      generateExamplesPerSecond: Double(b) / generation.median, trainStepSeconds: train.median)
    }

    /// Per-op time of `steps` training steps (after two warm-up steps), their mean wall time and the mean
    /// time of their optimizer steps (means, so that they add up with the ops' per-step totals): what the
    /// ops leave out (optimizer, zeroing, freeing the tape) is the wall time less the ops' sum.
    public func profile(_ variant: Variant, batch b: Int, steps: Int = 10) -> (ops: OpProfile, stepSeconds: Double, optimizerSeconds: Double) {
        let model = Self.makeModel(variant)
        let (images, text) = Self.makeBatch(b, vocabulary: model.config.vocabulary, seed: 1)
        var adam = AdamW()
        let profile = OpProfile()
        var seconds: [Double] = [], optimizer: [Double] = []
        for step in 0..<(steps + 2) {
            let start = DispatchTime.now().uptimeNanoseconds
            model.zeroGradients()
            let tape = Tape()
            if step >= 2 { tape.profile = profile }
            let loss = model.loss(features: model.features(images, on: tape), batch: text, on: tape)
            tape.backward(loss.total)
            let update = DispatchTime.now().uptimeNanoseconds
            adam.step(model.trainableParameters(), learningRate: 2e-4)
            let end = DispatchTime.now().uptimeNanoseconds
            if step >= 2 {
                seconds.append(Double(end - start) / 1e9)
                optimizer.append(Double(end - update) / 1e9)
            }
        }
        return (profile, seconds.reduce(0, +) / Double(steps), optimizer.reduce(0, +) / Double(steps))
    }

    /// The first `promptTokens` tokens of every sequence of a benchmark batch: generation's prompts [B, P].
    static func prompts(of text: TokenBatch) -> [Int32] {
        (0..<text.batch).flatMap { s in text.tokens[(s * textTokens)..<(s * textTokens + promptTokens)] }
    }

    /// One timed generation call: vision features, then greedy decoding of `answerTokens` tokens with
    /// the KV cache (no end token, so every call does the same work); `profile` records its ops.
    static func generationCall(_ model: MultimodalModel, images: Tensor, prompts: [Int32], batch b: Int, profile: OpProfile? = nil) {
        let tape = Tape(inference: true)
        tape.profile = profile
        let features = model.features(images, on: tape).value
        _ = model.generate(features: features, prompts: prompts, batch: b, maxNewTokens: answerTokens, endToken: -1, profile: profile)
    }

    /// Per-op time of `calls` generation calls as `measure` times them (`generationCall`), after one
    /// warm-up call, and their mean wall time.
    public func profileGeneration(_ variant: Variant, batch b: Int, calls: Int = 8) -> (ops: OpProfile, callSeconds: Double) {
        let model = Self.makeModel(variant)
        let (images, text) = Self.makeBatch(b, vocabulary: model.config.vocabulary, seed: 1)
        let prompts = Self.prompts(of: text)
        let profile = OpProfile()
        var seconds: [Double] = []
        Self.generationCall(model, images: images, prompts: prompts, batch: b)
        for _ in 0..<calls {
            let start = DispatchTime.now().uptimeNanoseconds
            Self.generationCall(model, images: images, prompts: prompts, batch: b, profile: profile)
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return (profile, seconds.reduce(0, +) / Double(calls))
    }

    /// Peak resident memory of this process so far, in bytes.
    public static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    /// Matrix FLOPs of one llava training example, counted as the PyTorch reference's
    /// `llava_training_flops` (`reference/bench.py`) does.
    ///
    /// With `lastBlockQueries` q, the last block's queries, output projection and MLP count only q
    /// positions (what the engine executes: the loss reads no earlier ones); nil counts every position.
    public static func trainingFLOPsPerExample(_ c: ModelConfig = .pilotTiny, lastBlockQueries: Int? = nil) -> Double {
        let tv = Double(c.visualTokens), dv = Double(c.visionWidth), p = Double(c.patchValues)
        let t = tv + Double(textTokens), d = Double(c.width), f = Double(c.mlp), v = Double(c.vocabulary), r = Double(c.loraRank)
        let dh = Double(c.connectorHidden), hp = Double(answerTokens), layers = Double(c.layers)
        let vision = 2 * tv * p * dv + Double(c.visionLayers) * (2 * tv * dv * 3 * dv + 2 * tv * dv * dv
            + 2 * 2 * tv * dv * Double(c.visionMLP) + 2 * 2 * tv * tv * dv)
        let connectorForward = 2 * tv * (dv * dh + dh * d)
        let connectorBackward = connectorForward + 2 * tv * dh * d
        // One block with `tq` query positions over `t` keys: q, o and the MLP scale with tq; k and v with t.
        let lora = 2 * (d * r + r * d)
        func blockForward(_ tq: Double) -> Double {
            2 * (tq + t) * (2 * d * d + lora) + 2 * 2 * tq * t * d + 3 * 2 * tq * d * f
        }
        func blockBackward(_ tq: Double) -> Double {
            2 * (tq + t) * (2 * d * d + 2 * lora) + 2 * 2 * 2 * tq * t * d + 3 * 2 * tq * d * f
        }
        let last = Double(lastBlockQueries ?? Int(t))
        let llmForward = (layers - 1) * blockForward(t) + blockForward(last) + 2 * hp * d * v
        let llmBackward = 2 * hp * d * v + (layers - 1) * blockBackward(t) + blockBackward(last)
        return vision + connectorForward + llmForward + connectorBackward + llmBackward
    }
}
