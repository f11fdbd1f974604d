import Autodiff
import Tensors

/// A frozen bias-free linear layer with a trainable low-rank update: y = x Wᵀ + (α/r) · (x Aᵀ) Bᵀ.
///
/// A: [r, in] is Kaiming-uniform, B: [out, r] starts at zero, so the update starts at zero (PEFT's default).
public struct LoRALinear: ParameterContainer {
    /// [out, in], frozen.
    public let weight: Variable
    /// [r, in]
    public let loraA: Variable
    /// [out, r]
    public let loraB: Variable
    /// α / r.
    public let scale: Float

    /// A layer with base weight `weight` and a fresh adapter of rank `rank`.
    public init(weight: Tensor, rank: Int, alpha: Float, rng: inout RandomStream) {
        let inputs = weight.shape[1], outputs = weight.shape[0]
        self.weight = Variable(weight)
        let bound = 1 / Float(inputs).squareRoot()   // kaiming_uniform_(a=√5) on [r, in]
        loraA = Variable(Tensor.randomUniform([rank, inputs], low: -bound, high: bound, using: &rng), requiresGrad: true)
        loraB = Variable(Tensor(zeros: [outputs, rank]), requiresGrad: true)
        scale = alpha / Float(rank)
    }

    /// y = x Wᵀ + scale · (x Aᵀ) Bᵀ.
    public func callAsFunction(_ x: Variable, on tape: Tape) -> Variable {
        let base = tape.linear(x, weight)
        let low = tape.linear(tape.linear(x, loraA), loraB)
        return tape.add(base, scale == 1 ? low : tape.scale(low, by: scale))
    }

    /// `weight`, `lora_A`, `lora_B` (torch/PEFT names).
    public func visitParameters(_ visit: (String, Variable) -> Void) {
        visit("weight", weight)
        visit("lora_A", loraA)
        visit("lora_B", loraB)
    }
}
