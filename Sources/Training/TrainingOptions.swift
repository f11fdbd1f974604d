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

    /// Options; the optimiser is AdamW (β 0.9, 0.999) made fresh for every call to the trainer.
    public init(epochs: Int = 1, batchSize: Int = 16, schedule: LearningRateSchedule, weightDecay: Float = 0, clipNorm: Float? = 1) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.schedule = schedule
        self.weightDecay = weightDecay
        self.clipNorm = clipNorm
    }
}
