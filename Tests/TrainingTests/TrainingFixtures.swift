import Models
import TestSupport
import Tensors
import World

/// Small models and data for the training tests.
enum TrainingFixtures {
    /// A model small enough to train in a test, with the world's vocabulary.
    static var tinyConfig: ModelConfig { TinyModel.config }

    /// `count` examples of `task`.
    static func examples(_ task: TaskKind, _ count: Int, seed: UInt64 = 1) -> [Example] {
        task.examples(count: count, prefix: task.rawValue, rng: RandomStream(seed: seed))
    }
}
