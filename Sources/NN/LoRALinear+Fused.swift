import Autodiff
import Tensors

extension LoRALinear {
    /// Each layer's output over the same input x, the adapters' A products taken in one GEMM.
    ///
    /// For LLaMA's q, k and v, which all read the normalised hidden state: x [..., in] is read once for
    /// x·[A₁; A₂; …]ᵀ [..., n·r] instead of once per adapter, and backward forms the A gradients and
    /// the adapters' share of dx in one GEMM each. Layers with FedDPA's dual adapters, or with
    /// adapters of different ranks or scales, are called one by one. Returns [..., out] per layer.
    public static func outputs(of layers: [LoRALinear], _ x: Variable, localWeight: LocalWeight = 0.5, on tape: Tape) -> [Variable] {
        let rank = layers[0].loraA.shape[0], scale = layers[0].scale
        guard layers.count > 1, layers.allSatisfy({ $0.localA == nil && $0.loraA.shape[0] == rank && $0.scale == scale }) else {
            return layers.map { $0(x, localWeight: localWeight, on: tape) }
        }
        let u = tape.linear(x, tape.concat(layers.map(\.loraA), axis: 0))       // [..., n·r]
        let last = u.shape.count - 1
        return layers.enumerated().map { i, layer in
            tape.linear(x, layer.weight, lowRank: tape.slice(u, axis: last, (i * rank)..<((i + 1) * rank)), layer.loraB,
                        scale: scale)                                           // [..., out]
        }
    }
}
