import NN
import Training

/// The settings `pilot run` and the studies share, so that both resolve to the same configurations and runs.
public enum RunDefaults {
    /// Communication rounds (the paper: 3).
    public static let rounds = 3
    /// Local epochs per round.
    public static let epochs = 2
    /// Local batch size.
    public static let batchSize = 16
    /// Local learning rate (constant).
    public static let learningRate: Float = 5e-3

    /// Local training options from these defaults (or the given overrides).
    public static func training(epochs: Int = epochs, batchSize: Int = batchSize, learningRate: Float = learningRate) -> TrainingOptions {
        TrainingOptions(epochs: epochs, batchSize: batchSize, schedule: LearningRateSchedule(base: learningRate))
    }
}
