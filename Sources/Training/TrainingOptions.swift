import Models
import NN

/// How a model is tuned on one data set: epochs, batch size, learning rate, regularisation.
public struct TrainingOptions: Codable, Hashable, Sendable {
    /// Passes over the data.
    public var epochs: Int
    /// Samples per step.
    public var batchSize: Int
    /// Learning-rate schedule over the run's steps.
    public var schedule: LearningRateSchedule
    /// AdamW's decoupled weight decay.
    public var weightDecay: Float
    /// Gradients are clipped to this global norm (nil: no clipping).
    public var clipNorm: Float?
    /// How the loss averages a batch's answer tokens (LLaVA's token mean unless told).
    public var lossAverage: LossAverage

    /// Options; the optimiser is AdamW (β 0.9, 0.999) made fresh for every call to the trainer.
    public init(epochs: Int = 1, batchSize: Int = 16, schedule: LearningRateSchedule, weightDecay: Float = 0, clipNorm: Float? = 1,
                lossAverage: LossAverage = .answerTokens) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.schedule = schedule
        self.weightDecay = weightDecay
        self.clipNorm = clipNorm
        self.lossAverage = lossAverage
    }

    private enum CodingKeys: String, CodingKey {
        case epochs, batchSize, schedule, weightDecay, clipNorm, lossAverage
    }

    /// Decodes options; files from before `lossAverage` existed mean the token mean.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        epochs = try container.decode(Int.self, forKey: .epochs)
        batchSize = try container.decode(Int.self, forKey: .batchSize)
        schedule = try container.decode(LearningRateSchedule.self, forKey: .schedule)
        weightDecay = try container.decode(Float.self, forKey: .weightDecay)
        clipNorm = try container.decodeIfPresent(Float.self, forKey: .clipNorm)
        lossAverage = try container.decodeIfPresent(LossAverage.self, forKey: .lossAverage) ?? .answerTokens
    }

    /// Encodes options; the token mean is left out, so configurations (and their hashes) from before `lossAverage` stay the same.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(epochs, forKey: .epochs)
        try container.encode(batchSize, forKey: .batchSize)
        try container.encode(schedule, forKey: .schedule)
        try container.encode(weightDecay, forKey: .weightDecay)
        try container.encodeIfPresent(clipNorm, forKey: .clipNorm)
        if lossAverage != .answerTokens { try container.encode(lossAverage, forKey: .lossAverage) }
    }
}
