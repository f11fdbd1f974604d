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

    /// A block with random base weights (N(0, 0.02²)) and fresh LoRA adapters.
    public init(width: Int, heads: Int, mlpWidth: Int, eps: Float, loraRank: Int, loraAlpha: Float, rng: inout RandomStream) {
        precondition(width % heads == 0, "width \(width) is not a multiple of \(heads) heads")
        self.heads = heads
        self.eps = eps
        attnNorm = Variable(Tensor(repeating: 1, shape: [width]))
        mlpNorm = Variable(Tensor(repeating: 1, shape: [width]))
        func proj() -> LoRALinear {
            LoRALinear(weight: Tensor.randomNormal([width, width], std: 0.02, using: &rng), rank: loraRank, alpha: loraAlpha, rng: &rng)
        }
        q = proj(); k = proj(); v = proj(); o = proj()
        gate = Linear(inputs: width, outputs: mlpWidth, bias: false, rng: &rng)
        up = Linear(inputs: width, outputs: mlpWidth, bias: false, rng: &rng)
        down = Linear(inputs: mlpWidth, outputs: width, bias: false, rng: &rng)
    }

    /// x: [B, T, width] at positions start..<start+T → [B, T, width] (causal; no cache).
    public func callAsFunction(_ x: Variable, rotary: Rotary, start: Int = 0, on tape: Tape) -> Variable {
        let (b, t, d) = (x.shape[0], x.shape[1], x.shape[2])
        let hd = d / heads
        let h = tape.rmsNorm(x, weight: attnNorm, eps: eps)
        let heads4 = { (y: Variable) in tape.reshape(y, [b, t, self.heads, hd]) }                 // [B, T, H, hd]
        let qh = tape.rotary(heads4(q(h, on: tape)), rotary, start: start)
        let kh = tape.rotary(heads4(k(h, on: tape)), rotary, start: start)
        let a = tape.attention(q: qh, k: kh, v: heads4(v(h, on: tape)), causal: true)
        let x1 = tape.add(x, o(tape.reshape(a, [b, t, d]), on: tape))
        let h2 = tape.rmsNorm(x1, weight: mlpNorm, eps: eps)
        let mlp = down(tape.mul(tape.silu(gate(h2, on: tape)), up(h2, on: tape)), on: tape)
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
