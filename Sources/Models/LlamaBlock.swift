import Autodiff
import NN
import Tensors

/// A LLaMA decoder block: RMSNorm, causal attention with rotary positions and LoRA on q, k, v, o,
/// then RMSNorm and a SwiGLU MLP, each with a residual connection. Bias-free.
///
/// Parameter names are those of the PyTorch reference, `reference/pilot_tiny.py`: attn_norm, q, k,
/// v, o (each weight, lora_A, lora_B), mlp_norm, gate, up, down.
public struct LlamaBlock: ParameterContainer {
    public let heads: Int
    /// Added to the mean square in both RMSNorms.
    public let eps: Float
    /// [width]
    public let attnNorm: Variable, mlpNorm: Variable
    /// Attention projections [width, width], frozen, each with a LoRA adapter.
    public let q: LoRALinear, k: LoRALinear, v: LoRALinear, o: LoRALinear
    /// SwiGLU MLP: down(silu(gate(x)) ⊙ up(x)); gate, up: [mlp, width]; down: [width, mlp].
    public let gate: Linear, up: Linear, down: Linear

    /// A block with random base weights (N(0, 0.02²)) and fresh LoRA adapters (dual ones for FedDPA).
    public init(width: Int, heads: Int, mlpWidth: Int, eps: Float, loraRank: Int, loraAlpha: Float,
                dualLoRA: Bool = false, rng: inout RandomStream) {
        precondition(width % heads == 0, "width \(width) is not a multiple of \(heads) heads")
        self.heads = heads
        self.eps = eps
        attnNorm = Variable(Tensor(repeating: 1, shape: [width]))
        mlpNorm = Variable(Tensor(repeating: 1, shape: [width]))
        func proj() -> LoRALinear {
            LoRALinear(weight: Tensor.randomNormal([width, width], std: 0.02, using: &rng), rank: loraRank, alpha: loraAlpha,
                       dual: dualLoRA, rng: &rng)
        }
        q = proj(); k = proj(); v = proj(); o = proj()
        gate = Linear(inputs: width, outputs: mlpWidth, bias: false, rng: &rng)
        up = Linear(inputs: width, outputs: mlpWidth, bias: false, rng: &rng)
        down = Linear(inputs: mlpWidth, outputs: width, bias: false, rng: &rng)
    }

    /// x: [B, T, width] at positions start..<start+T → [B, T − first, width], the outputs at x's positions first..<T (causal; no cache).
    ///
    /// Keys and values come from every position; queries, the output projection and the MLP run only
    /// from `first` on, so a last block whose earlier outputs nobody reads skips that work (the
    /// outputs it does return are those of the whole block). `localWeight` is FedDPA's λ, used only
    /// when the adapters are dual.
    public func callAsFunction(_ x: Variable, rotary: Rotary, start: Int = 0, outputsFrom first: Int = 0,
                               localWeight: LocalWeight = 0.5, on tape: Tape) -> Variable {
        let residual = Self.tail(x, from: first, on: tape)                             // [B, T − first, width]
        let (qh, kh, vh) = projections(x, rotary: rotary, start: start, queriesFrom: first, localWeight: localWeight, on: tape)
        return output(residual, tape.attention(q: qh, k: kh, v: vh, causal: true), localWeight: localWeight, on: tape)
    }

    /// Inference on the newest positions of a batch, attending over (and extending) `cache`'s layer `layer`.
    ///
    /// x: [B, t, width] at positions cache.length..<cache.length+t → [B, t − first, width], the outputs
    /// from x's position `first` on (every position's keys and values still enter the cache).
    public func callAsFunction(_ x: Variable, rotary: Rotary, cache: KVCache, layer: Int, outputsFrom first: Int = 0,
                               localWeight: LocalWeight = 0.5, on tape: Tape) -> Variable {
        let residual = Self.tail(x, from: first, on: tape)                             // [B, t − first, width]
        let (qh, kh, vh) = projections(x, rotary: rotary, start: cache.length, queriesFrom: first, localWeight: localWeight, on: tape)
        cache.append(layer: layer, k: kh.value, v: vh.value)
        let attention = Variable(cache.attend(layer: layer, q: qh.value, keys: cache.length + x.shape[1]))
        return output(residual, attention, localWeight: localWeight, on: tape)
    }

    /// Normalised input projected to rotated queries [B, T − first, H, hd] (positions first..<T), rotated keys and values [B, T, H, hd].
    private func projections(_ x: Variable, rotary: Rotary, start: Int, queriesFrom first: Int, localWeight: LocalWeight,
                             on tape: Tape) -> (Variable, Variable, Variable) {
        let (b, d) = (x.shape[0], x.shape[2])
        let h = tape.rmsNorm(x, weight: attnNorm, eps: eps)                          // [B, T, width]
        let split = { (y: Variable) in tape.reshape(y, [b, y.shape[1], self.heads, d / self.heads]) }
        let queries: Variable, keys: Variable, values: Variable                       // [B, T − first | T, width]
        if first == 0 {
            let qkv = LoRALinear.outputs(of: [q, k, v], h, localWeight: localWeight, on: tape)
            (queries, keys, values) = (qkv[0], qkv[1], qkv[2])
        } else {
            let kv = LoRALinear.outputs(of: [k, v], h, localWeight: localWeight, on: tape)
            (queries, keys, values) = (q(Self.tail(h, from: first, on: tape), localWeight: localWeight, on: tape), kv[0], kv[1])
        }
        let qh = tape.rotary(split(queries), rotary, start: start + first)
        let kh = tape.rotary(split(keys), rotary, start: start)
        return (qh, kh, split(values))
    }

    /// x [B, T, width] from position `first` on: [B, T − first, width] (x itself when `first` is 0).
    private static func tail(_ x: Variable, from first: Int, on tape: Tape) -> Variable {
        let t = x.shape[1]
        precondition(first >= 0 && first < t, "outputs from position \(first) of a \(t)-position input")
        return first == 0 ? x : tape.slice(x, axis: 1, first..<t)
    }

    /// Output projection and residual, then the SwiGLU MLP and residual.  x: [B, t, width], attention: [B, t, H, hd]
    private func output(_ x: Variable, _ attention: Variable, localWeight: LocalWeight, on tape: Tape) -> Variable {
        let x1 = tape.add(x, o(tape.reshape(attention, x.shape), localWeight: localWeight, on: tape))
        let h2 = tape.rmsNorm(x1, weight: mlpNorm, eps: eps)
        let mlp = down(tape.swiglu(gate(h2, on: tape), up(h2, on: tape)), on: tape)
        return tape.add(x1, mlp)
    }

    /// attn_norm, q, k, v, o, mlp_norm, gate, up, down.
    public func visitParameters(_ visit: (String, Variable) -> Void) {
        visit("attn_norm", attnNorm)
        let projections: [(String, ParameterContainer)] = [("q", q), ("k", k), ("v", v), ("o", o)]
        for (prefix, child) in projections { child.visitParameters { visit(prefix + "." + $0, $1) } }
        visit("mlp_norm", mlpNorm)
        let mlp: [(String, ParameterContainer)] = [("gate", gate), ("up", up), ("down", down)]
        for (prefix, child) in mlp { child.visitParameters { visit(prefix + "." + $0, $1) } }
    }
}
