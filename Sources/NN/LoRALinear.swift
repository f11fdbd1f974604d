import Autodiff
import Tensors

/// A frozen bias-free linear layer with a trainable low-rank update: y = x Wᵀ + (α/r) · (x Aᵀ) Bᵀ.
///
/// A: [r, in] is Kaiming-uniform, B: [out, r] starts at zero, so the update starts at zero (PEFT's
/// default). With `dual`, a second, local adapter (FedDPA: Yang et al. 2024, "Dual-Personalizing
/// Adapter for Federated Foundation Models") is mixed in: y = x Wᵀ + (α/r)·((1 − λ)·Δ_global + λ·Δ_local)
/// with λ given per forward pass: one for the batch, or one per row (`LocalWeight`).
public struct LoRALinear: ParameterContainer {
    /// [out, in], frozen.
    public let weight: Variable
    /// [r, in]
    public let loraA: Variable
    /// [out, r]
    public let loraB: Variable
    /// The local adapter of FedDPA: [r, in] and [out, r]; nil for a single adapter.
    public let localA: Variable?, localB: Variable?
    /// α / r.
    public let scale: Float

    /// A layer with base weight `weight` and a fresh adapter of rank `rank` (two with `dual`).
    public init(weight: Tensor, rank: Int, alpha: Float, dual: Bool = false, rng: inout RandomStream) {
        let inputs = weight.shape[1], outputs = weight.shape[0]
        self.weight = Variable(weight)
        let bound = 1 / Float(inputs).squareRoot()   // kaiming_uniform_(a=√5) on [r, in]
        func makeA() -> Variable { Variable(Tensor.randomUniform([rank, inputs], low: -bound, high: bound, using: &rng), requiresGrad: true) }
        loraA = makeA()
        loraB = Variable(Tensor(zeros: [outputs, rank]), requiresGrad: true)
        localA = dual ? makeA() : nil
        localB = dual ? Variable(Tensor(zeros: [outputs, rank]), requiresGrad: true) : nil
        scale = alpha / Float(rank)
    }

    /// y = x Wᵀ + scale · (x Aᵀ) Bᵀ, or the FedDPA mixture with local weight `localWeight` (λ).  x: [B, …, in] → [B, …, out]
    public func callAsFunction(_ x: Variable, localWeight: LocalWeight = 0.5, on tape: Tape) -> Variable {
        guard localA == nil else { return tape.add(tape.linear(x, weight), delta(x, localWeight: localWeight, on: tape)) }
        return tape.linear(x, weight, lowRank: tape.linear(x, loraA), loraB, scale: scale)
    }

    /// The adapters' contribution alone: scale · (x Aᵀ) Bᵀ (or the FedDPA mixture).
    ///
    /// Per-row weights mix row b of the batch with λ_b exactly as a batch of that row alone with λ = λ_b
    /// would (`Tape.rowWeightedSum`; its backward gives each row's gradient the same per-row factors).
    public func delta(_ x: Variable, localWeight: LocalWeight = 0.5, on tape: Tape) -> Variable {
        let global = tape.linear(tape.linear(x, loraA), loraB)          // [B, …, out]
        guard let localA, let localB else { return tape.scale(global, by: scale) }
        let local = tape.linear(tape.linear(x, localA), localB)         // [B, …, out]
        switch localWeight {
        case let .uniform(l):
            return tape.weightedSum([(global, scale * (1 - l)), (local, scale * l)])
        case let .perRow(l):
            precondition(l.count == x.shape[0], "\(l.count) local weights for a batch of \(x.shape[0])")
            return tape.rowWeightedSum([(global, l.map { scale * (1 - $0) }), (local, l.map { scale * $0 })])
        }
    }

    /// `weight`, `lora_A`, `lora_B` (torch/PEFT names), then `local_lora_A`, `local_lora_B` when dual.
    public func visitParameters(_ visit: (String, Variable) -> Void) {
        visit("weight", weight)
        visit("lora_A", loraA)
        visit("lora_B", loraB)
        if let localA, let localB {
            visit("local_lora_A", localA)
            visit("local_lora_B", localB)
        }
    }
}
