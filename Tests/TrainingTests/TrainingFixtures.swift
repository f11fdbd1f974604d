import Models
import Tensors
import World

/// Small models and data for the training tests.
enum TrainingFixtures {
    /// A model small enough to train in a test, with the world's vocabulary.
    static var tinyConfig: ModelConfig {
        var c = ModelConfig()
        c.visionWidth = 32; c.visionLayers = 1; c.visionHeads = 2; c.visionMLP = 64; c.vocabulary = Tokenizer().count
        c.width = 48; c.layers = 2; c.heads = 2; c.mlp = 64; c.connectorHidden = 32; c.loraRank = 4; c.loraAlpha = 8
        return c
    }

    /// `count` examples of `task`.
    static func examples(_ task: TaskKind, _ count: Int, seed: UInt64 = 1) -> [Example] {
        task.examples(count: count, prefix: task.rawValue, rng: RandomStream(seed: seed))
    }
}
