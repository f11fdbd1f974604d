import Autodiff
import NN
import Tensors

/// A pre-LayerNorm transformer encoder block: x + Attn(LN(x)), then + MLP(LN(x)) with GELU.
///
/// Parameter names are those of the PyTorch reference, `reference/pilot_tiny.py`: ln1, qkv, proj,
/// ln2, fc1, fc2.
public struct ViTBlock: ParameterContainer {
    public let heads: Int
    /// The LayerNorms before attention (ln1) and before the MLP (ln2).
    public let ln1: LayerNormParameters, ln2: LayerNormParameters
    /// Joint projection to q, k, v: [3·width, width].
    public let qkv: Linear
    /// Attention output projection [width, width]; MLP layers [mlp, width] and [width, mlp].
    public let proj: Linear, fc1: Linear, fc2: Linear

    /// A block of the given width, heads and MLP width with torch-default initialisation.
    public init(width: Int, heads: Int, mlpWidth: Int, eps: Float, rng: inout RandomStream) {
        precondition(width % heads == 0, "width \(width) is not a multiple of \(heads) heads")
        self.heads = heads
        ln1 = LayerNormParameters(width: width, eps: eps)
        qkv = Linear(inputs: width, outputs: 3 * width, rng: &rng)
        proj = Linear(inputs: width, outputs: width, rng: &rng)
        ln2 = LayerNormParameters(width: width, eps: eps)
        fc1 = Linear(inputs: width, outputs: mlpWidth, rng: &rng)
        fc2 = Linear(inputs: mlpWidth, outputs: width, rng: &rng)
    }

    /// x: [B, T, width] → [B, T, width]
    public func callAsFunction(_ x: Variable, on tape: Tape) -> Variable {
        let (b, t, d) = (x.shape[0], x.shape[1], x.shape[2])
        let hd = d / heads
        let qkvOut = tape.reshape(qkv(ln1(x, on: tape), on: tape), [b, t, 3, heads, hd])   // [B, T, 3, H, hd]
        let part = { (i: Int) in tape.reshape(tape.slice(qkvOut, axis: 2, i..<(i + 1)), [b, t, heads, hd]) }
        let a = tape.attention(q: part(0), k: part(1), v: part(2), causal: false)          // [B, T, H, hd]
        let h = tape.add(x, proj(tape.reshape(a, [b, t, d]), on: tape))
        return tape.add(h, fc2(tape.gelu(fc1(ln2(h, on: tape), on: tape)), on: tape))
    }

    /// ln1, qkv, proj, ln2, fc1, fc2.
    public func visitParameters(_ visit: (String, Variable) -> Void) {
        let children: [(String, ParameterContainer)] = [("ln1", ln1), ("qkv", qkv), ("proj", proj), ("ln2", ln2), ("fc1", fc1), ("fc2", fc2)]
        for (prefix, child) in children { child.visitParameters { visit(prefix + "." + $0, $1) } }
    }
}
