import Autodiff
import NN
import Tensors

/// The Vicuna analog: token embedding, LLaMA blocks with LoRA, final RMSNorm, untied head. Frozen but for LoRA.
public struct LanguageModel: ParameterContainer {
    /// [vocabulary, width]
    public let embedding: Variable
    public let layers: [LlamaBlock]
    /// Final RMSNorm weight: [width].
    public let finalNorm: Variable
    /// Output head: [vocabulary, width], bias-free.
    public let head: Linear
    /// Rotary tables for `maxSequence` positions.
    public let rotary: Rotary
    let config: ModelConfig

    /// A decoder with the reference initialisation (embedding N(0, 0.02²)) and fresh LoRA adapters.
    public init(config: ModelConfig, dualLoRA: Bool = false, rng: inout RandomStream) {
        self.config = config
        embedding = Variable(Tensor.randomNormal([config.vocabulary, config.width], std: 0.02, using: &rng))
        layers = (0..<config.layers).map { _ in
            LlamaBlock(width: config.width, heads: config.heads, mlpWidth: config.mlp, eps: config.rmsNormEps,
                       loraRank: config.loraRank, loraAlpha: config.loraAlpha, dualLoRA: dualLoRA, rng: &rng)
        }
        finalNorm = Variable(Tensor(repeating: 1, shape: [config.width]))
        head = Linear(inputs: config.width, outputs: config.vocabulary, bias: false, rng: &rng)
        rotary = Rotary(headDim: config.headDim, maxPositions: config.maxSequence, theta: config.ropeTheta)
        for block in layers {
            for (name, projection) in [("q", block.q), ("k", block.k), ("v", block.v), ("o", block.o)] where !config.loraTargets.contains(name) {
                projection.setTrainable(false)
            }
        }
    }

    /// Token ids [B, T] → embeddings [B, T, width].
    public func embed(_ ids: [Int32], batch: Int, on tape: Tape) -> Variable {
        tape.embedding(embedding, ids: ids, idsShape: [batch, ids.count / max(batch, 1)])
    }

    /// Runs every block causally over x [B, T, width] from position 0 → the last hidden states at positions first..<T: [B, T − first, width].
    ///
    /// Earlier blocks run over every position (the next block's keys and values need them); the last
    /// one only computes the outputs asked for, so a loss on the answer tokens skips the prompt's.
    public func hidden(_ x: Variable, outputsFrom first: Int = 0, localWeight: LocalWeight = 0.5, on tape: Tape) -> Variable {
        var h = x
        for (i, block) in layers.enumerated() {
            h = block(h, rotary: rotary, outputsFrom: i == layers.count - 1 ? first : 0, localWeight: localWeight, on: tape)
        }
        return h
    }

    /// Runs every block over the newest positions x [B, t, width], extending `cache` → the last hidden states from x's position first on: [B, t − first, width].
    public func hidden(_ x: Variable, cache: KVCache, outputsFrom first: Int = 0, localWeight: LocalWeight = 0.5, on tape: Tape) -> Variable {
        var h = x
        for (i, block) in layers.enumerated() {
            h = block(h, rotary: rotary, cache: cache, layer: i, outputsFrom: i == layers.count - 1 ? first : 0,
                      localWeight: localWeight, on: tape)
        }
        cache.length += x.shape[1]
        return h
    }

    /// Final norm and head: hidden rows [..., width] → logits [..., vocabulary].
    public func logits(_ h: Variable, on tape: Tape) -> Variable {
        head(tape.rmsNorm(h, weight: finalNorm, eps: config.rmsNormEps), on: tape)
    }

    /// An empty KV cache for `batch` sequences of up to `capacity` positions.
    public func makeCache(batch: Int, capacity: Int) -> KVCache {
        KVCache(layers: layers.count, batch: batch, capacity: capacity, heads: config.heads, headDim: config.headDim)
    }

    /// embed, layers.i.*, norm, head (the PyTorch reference's names).
    public func visitParameters(_ visit: (String, Variable) -> Void) {
        visit("embed.weight", embedding)
        for (i, block) in layers.enumerated() { block.visitParameters { visit("layers.\(i)." + $0, $1) } }
        visit("norm", finalNorm)
        head.visitParameters { visit("head." + $0, $1) }
    }
}
