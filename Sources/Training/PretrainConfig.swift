import Models
import NN

/// Everything that determines a pretrained base: model sizes, data seed, steps and optimiser.
///
/// The language stage (`pilot pretrain --base-language-steps N`; see `LanguagePretrainer`) and the
/// instruction stage (`--base-instruction-steps N`; see `InstructionMix`) are opt-in.
public struct PretrainConfig: Codable, Hashable, Sendable {
    /// Model sizes.
    public var model: ModelConfig
    /// Seed of the weights' initialisation and of the corpus.
    public var seed: UInt64
    /// Steps of the optional language stage, which trains the language model alone on text
    /// (`LanguagePretrainer`); 0 in every preset (see the type's doc comment).
    public var languageSteps: Int
    /// Steps of the vision stage, which trains the vision encoder alone on patch labels (`VisionPretrainer`).
    public var visionSteps: Int
    /// Steps of the last stage, which aligns connector and language model to the frozen encoder on
    /// the corpus; every step sees fresh samples.
    public var steps: Int
    /// Steps of the optional stage after alignment, which goes on training connector and language
    /// model on `InstructionMix` (LLaVA-1.5's instruction tuning); 0 in every preset.
    public var instructionSteps = 0
    /// Samples per step.
    public var batchSize: Int
    /// Warm-up then cosine decay to 10 %.
    public var schedule: LearningRateSchedule
    /// AdamW weight decay.
    public var weightDecay: Float
    /// Version of the corpus and scene generator the base learns from; part of the hash, so a base
    /// drawn from an older world is never reused. Bump it with every change to `PretrainCorpus` or
    /// `SceneGenerator`.
    public var corpusVersion = PretrainConfig.currentCorpusVersion

    /// 2: objects within ±1 px of their slot's centre; reading and word-kind choice items.
    /// 3: a vision stage on patch labels first; the encoder is frozen while the rest aligns.
    /// 4: boxes of named objects instead of centres of objects in named cells; choice items point at a
    /// named option, twice as often; fewer descriptions.
    /// 5: choice items list one of the world's option lists (the shapes, four colours) in its order.
    public static let currentCorpusVersion = 5

    /// Version of the engine's floating-point kernels, that is of their rounding: part of the hash, so
    /// that a base or run computed with other rounding is never reused beside this one's. Bump it with
    /// every change that moves a kernel's floats (not for a change of OpenBLAS kernel family, which
    /// checkpoints record as `blas_core`). Encoded only from 2 on: version-1 configurations keep the
    /// hashes (and file names) they had before the field existed.
    public var numericsVersion = PretrainConfig.currentNumericsVersion

    /// 2: row sums (norms, softmax, log-sum-exp) in sixteen interleaved lanes; GELU's erf and
    /// cross-entropy's exp as vectorisable polynomials (`VectorMath`) instead of libm's.
    public static let currentNumericsVersion = 2

    public init(model: ModelConfig = .pilotTiny, seed: UInt64 = 0, languageSteps: Int = 0, visionSteps: Int, steps: Int, batchSize: Int = 32,
                learningRate: Float = 1e-3, weightDecay: Float = 0.01) {
        self.model = model
        self.seed = seed
        self.languageSteps = languageSteps
        self.visionSteps = visionSteps
        self.steps = steps
        self.batchSize = batchSize
        schedule = LearningRateSchedule(base: learningRate, warmupSteps: max(1, steps / 20), decay: .cosine, minimumFactor: 0.1)
        self.weightDecay = weightDecay
    }

    private enum CodingKeys: String, CodingKey {
        case model, seed, languageSteps, visionSteps, steps, instructionSteps, batchSize, schedule, weightDecay, corpusVersion
        case numericsVersion
    }

    /// Decodes a stored configuration; one written before the language or vision stage existed has
    /// `languageSteps` or `visionSteps` 0, which is what it ran (its older `corpusVersion` keeps it
    /// from being taken for a current base).
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decode(ModelConfig.self, forKey: .model)
        seed = try container.decode(UInt64.self, forKey: .seed)
        languageSteps = try container.decodeIfPresent(Int.self, forKey: .languageSteps) ?? 0
        visionSteps = try container.decodeIfPresent(Int.self, forKey: .visionSteps) ?? 0
        steps = try container.decode(Int.self, forKey: .steps)
        instructionSteps = try container.decodeIfPresent(Int.self, forKey: .instructionSteps) ?? 0
        batchSize = try container.decode(Int.self, forKey: .batchSize)
        schedule = try container.decode(LearningRateSchedule.self, forKey: .schedule)
        weightDecay = try container.decode(Float.self, forKey: .weightDecay)
        corpusVersion = try container.decodeIfPresent(Int.self, forKey: .corpusVersion) ?? 1   // the first world had no version
        numericsVersion = try container.decodeIfPresent(Int.self, forKey: .numericsVersion) ?? 1
    }

    /// Encodes every field; `languageSteps` and `instructionSteps` only when their stage runs, and
    /// `numericsVersion` only from 2 on, so configurations without them keep the hash (and base file)
    /// they had before those fields existed.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(seed, forKey: .seed)
        if languageSteps != 0 { try container.encode(languageSteps, forKey: .languageSteps) }
        try container.encode(visionSteps, forKey: .visionSteps)
        try container.encode(steps, forKey: .steps)
        if instructionSteps != 0 { try container.encode(instructionSteps, forKey: .instructionSteps) }
        try container.encode(batchSize, forKey: .batchSize)
        try container.encode(schedule, forKey: .schedule)
        try container.encode(weightDecay, forKey: .weightDecay)
        try container.encode(corpusVersion, forKey: .corpusVersion)
        if numericsVersion != 1 { try container.encode(numericsVersion, forKey: .numericsVersion) }
    }

    /// The schedule of a separate stage of `steps` steps (language, vision): the same learning rate,
    /// warm-up over its first 5 %, cosine decay to 10 %.
    public func stageSchedule(steps: Int) -> LearningRateSchedule {
        LearningRateSchedule(base: schedule.base, warmupSteps: max(1, steps / 20), decay: .cosine, minimumFactor: 0.1)
    }

    /// This configuration with another seed and step counts (nil: keep); learning rate, weight
    /// decay, batch size and model stay (the schedules' warm-ups follow the new step counts).
    public func with(seed: UInt64, languageSteps: Int? = nil, visionSteps: Int? = nil, steps: Int? = nil,
                     instructionSteps: Int? = nil) -> PretrainConfig {
        var copy = PretrainConfig(model: model, seed: seed, languageSteps: languageSteps ?? self.languageSteps,
                                  visionSteps: visionSteps ?? self.visionSteps, steps: steps ?? self.steps,
                                  batchSize: batchSize,
                                  learningRate: schedule.base, weightDecay: weightDecay)
        copy.instructionSteps = instructionSteps ?? self.instructionSteps
        copy.corpusVersion = corpusVersion
        copy.numericsVersion = numericsVersion
        return copy
    }

    /// The base of a scale preset: `smoke` trains briefly (for CI), `small` in ≤ 10 minutes on 2 cores, `paper` longer.
    public static func preset(_ scale: String) -> PretrainConfig? {
        switch scale {
        case "smoke": return PretrainConfig(visionSteps: 20, steps: 40, batchSize: 16)
        case "small": return PretrainConfig(visionSteps: 1000, steps: 1300)
        case "paper": return PretrainConfig(visionSteps: 2000, steps: 3000)
        default: return nil
        }
    }
}
