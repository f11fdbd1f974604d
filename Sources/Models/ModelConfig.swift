/// Sizes of the multimodal model; `pilotTiny` is the miniature of LLaVA-1.5 this project trains.
public struct ModelConfig: Codable, Hashable, Sendable {
    /// Image side in pixels (square, RGB).
    public var imageSize = 32
    /// Patch side; the encoder sees (imageSize / patchSize)² tokens.
    public var patchSize = 8
    /// Vision encoder width, depth, heads and MLP width.
    public var visionWidth = 128, visionLayers = 4, visionHeads = 4, visionMLP = 512
    /// LayerNorm epsilon in the encoder.
    public var layerNormEps: Float = 1e-5
    /// Hidden width of the connector MLP (and of every adapter of its shape).
    public var connectorHidden = 256
    /// Language model vocabulary, width, depth, heads and SwiGLU width.
    public var vocabulary = 512, width = 256, layers = 4, heads = 4, mlp = 688
    /// RMSNorm epsilon and rotary base in the language model.
    public var rmsNormEps: Float = 1e-6, ropeTheta: Float = 10_000
    /// Longest sequence (visual tokens + text) the rotary tables cover.
    public var maxSequence = 96
    /// LoRA rank and alpha on the attention projections named in `loraTargets`.
    public var loraRank = 8, loraAlpha: Float = 16
    /// Which attention projections carry LoRA (any of q, k, v, o).
    public var loraTargets: [String] = ["q", "k", "v", "o"]

    /// The default: pilot-tiny (docs/design.md).
    public static let pilotTiny = ModelConfig()

    /// A configuration with the defaults of pilot-tiny.
    public init() {}

    /// Visual tokens per image.
    public var visualTokens: Int { (imageSize / patchSize) * (imageSize / patchSize) }
    /// Values in one flattened patch (channels × patch²).
    public var patchValues: Int { 3 * patchSize * patchSize }
    /// Width of one attention head in the language model.
    public var headDim: Int { width / heads }
}
