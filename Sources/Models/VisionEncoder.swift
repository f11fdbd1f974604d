import Autodiff
import NN
import Tensors

/// The CLIP-ViT analog: patch embedding, learned positions, pre-LayerNorm blocks, final LayerNorm.
///
/// Frozen except in CT-CLIP mode, where the blocks' MLP layers (fc1, fc2) train.
public struct VisionEncoder: ParameterContainer {
    /// Patch embedding: [width, 3·patch²] (equal to a stride-patch convolution).
    public let patchEmbed: Linear
    /// Learned positions: [tokens, width].
    public let positions: Variable
    public let blocks: [ViTBlock]
    public let finalNorm: LayerNormParameters
    let config: ModelConfig

    /// An encoder with torch-default initialisation (positions N(0, 0.02²)).
    public init(config: ModelConfig, rng: inout RandomStream) {
        self.config = config
        patchEmbed = Linear(inputs: config.patchValues, outputs: config.visionWidth, rng: &rng)
        positions = Variable(Tensor.randomNormal([config.visualTokens, config.visionWidth], std: 0.02, using: &rng))
        blocks = (0..<config.visionLayers).map { _ in
            ViTBlock(width: config.visionWidth, heads: config.visionHeads, mlpWidth: config.visionMLP,
                     eps: config.layerNormEps, rng: &rng)
        }
        finalNorm = LayerNormParameters(width: config.visionWidth, eps: config.layerNormEps)
    }

    /// Images [B, 3, H, W] (channel-first, as torch) → patches [B, tokens, 3·patch²] ordered (c, py, px).
    public func patchify(_ images: Tensor) -> Tensor {
        let b = images.shape[0], p = config.patchSize, side = config.imageSize, grid = side / p
        precondition(images.shape == [b, 3, side, side], "images must be [B, 3, \(side), \(side)], got \(images.shape)")
        var out = Tensor(uninitialized: [b, grid * grid, 3 * p * p])
        out.withUnsafeMutablePointer { o in images.withUnsafePointer { x in
            var i = 0
            for n in 0..<b { for gy in 0..<grid { for gx in 0..<grid { for c in 0..<3 { for py in 0..<p { for px in 0..<p {
                o[i] = x[((n * 3 + c) * side + gy * p + py) * side + gx * p + px]
                i += 1
            } } } } } }
        } }
        return out
    }

    /// Images [B, 3, H, W] → features [B, tokens, width].
    public func callAsFunction(_ images: Tensor, on tape: Tape) -> Variable {
        var x = tape.add(patchEmbed(Variable(patchify(images)), on: tape), positions)
        for block in blocks { x = block(x, on: tape) }
        return finalNorm(x, on: tape)
    }

    /// Makes the blocks' MLP layers trainable (CT-CLIP) or freezes everything.
    public func setMLPTrainable(_ trainable: Bool) {
        setTrainable(false)
        for block in blocks { block.fc1.setTrainable(trainable); block.fc2.setTrainable(trainable) }
    }

    /// patch_embed, pos, blocks.i.*, ln_f (the PyTorch reference's names).
    public func visitParameters(_ visit: (String, Variable) -> Void) {
        patchEmbed.visitParameters { visit("patch_embed." + $0, $1) }
        visit("pos", positions)
        for (i, block) in blocks.enumerated() { block.visitParameters { visit("blocks.\(i)." + $0, $1) } }
        finalNorm.visitParameters { visit("ln_f." + $0, $1) }
    }
}
