import Models
import World

/// A pilot-tiny shaped model small enough to train in a test, with the synthetic world's vocabulary.
public enum TinyModel {
    /// Its sizes.
    public static var config: ModelConfig {
        var c = ModelConfig()
        c.visionWidth = 32; c.visionLayers = 1; c.visionHeads = 2; c.visionMLP = 64; c.vocabulary = Tokenizer().count
        c.width = 48; c.layers = 2; c.heads = 2; c.mlp = 64; c.connectorHidden = 32; c.loraRank = 4; c.loraAlpha = 8
        return c
    }
}
