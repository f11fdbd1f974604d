import Autodiff
import NN
import Tensors

/// A LLaMA decoder block: RMSNorm, causal attention with rotary positions and LoRA on q, k, v, o,
/// then RMSNorm and a SwiGLU MLP, each with a residual connection. Bias-free.
///
/// Parameter names follow `torch_reference.py`: attn_norm, q, k, v, o (each weight, lora_A,
/// lora_B), mlp_norm, gate, up, down.
public struct LlamaBlock: ParameterContainer {
    /// Attention heads.
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

    /// x: [B, T, width] at positions start..<start+T → [B, T, width] (causal; no cache).
    ///
    /// `localWeight` is FedDPA's λ, used only when the adapters are dual.
    public func callAsFunction(_ x: Variable, rotary: Rotary, start: Int = 0, localWeight: LocalWeight = 0.5,
                               on tape: Tape) -> Variable {
        let (qh, kh, vh) = projections(x, rotary: rotary, start: start, localWeight: localWeight, on: tape)
        return output(x, tape.attention(q: qh, k: kh, v: vh, causal: true), localWeight: localWeight, on: tape)
    }

    /// Inference on the newest positions of a batch, attending over (and extending) `cache`'s layer `layer`.
    ///
    /// x: [B, t, width] at positions cache.length..<cache.length+t → [B, t, width]
    public func callAsFunction(_ x: Variable, rotary: Rotary, cache: KVCache, layer: Int, localWeight: LocalWeight = 0.5,
                               on tape: Tape) -> Variable {
        let (qh, kh, vh) = projections(x, rotary: rotary, start: cache.length, localWeight: localWeight, on: tape)
        cache.append(layer: layer, k: kh.value, v: vh.value)
        return output(x, Variable(cache.attend(layer: layer, q: qh.value)), localWeight: localWeight, on: tape)
    }

    /// Normalised input projected to rotated queries and keys, and values: each [B, T, H, hd].
    private func projections(_ x: Variable, rotary: Rotary, start: Int, localWeight: LocalWeight,
                             on tape: Tape) -> (Variable, Variable, Variable) {
        let (b, t, d) = (x.shape[0], x.shape[1], x.shape[2])
        let h = tape.rmsNorm(x, weight: attnNorm, eps: eps)
        let split = { (y: Variable) in tape.reshape(y, [b, t, self.heads, d / self.heads]) }
        let qkv = LoRALinear.outputs(of: [q, k, v], h, localWeight: localWeight, on: tape)
        let qh = tape.rotary(split(qkv[0]), rotary, start: start)
        let kh = tape.rotary(split(qkv[1]), rotary, start: start)
        return (qh, kh, split(qkv[2]))
    }

    /// Output projection and residual, then the SwiGLU MLP and residual.  attention: [B, T, H, hd]
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
