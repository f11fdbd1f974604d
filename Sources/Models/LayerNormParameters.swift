import Autodiff
import NN
import Tensors

/// The weight and bias of a LayerNorm (weight 1, bias 0 at initialisation).
public struct LayerNormParameters: ParameterContainer {
    /// [n]
    public let weight: Variable
    /// [n]
    public let bias: Variable
    /// Added to the variance.
    public let eps: Float

    /// Identity LayerNorm of width `n`.
    public init(width n: Int, eps: Float) {
        weight = Variable(Tensor(repeating: 1, shape: [n]))
        bias = Variable(Tensor(zeros: [n]))
        self.eps = eps
    }

    /// LayerNorm of `x` over its last axis.
    public func callAsFunction(_ x: Variable, on tape: Tape) -> Variable {
        tape.layerNorm(x, weight: weight, bias: bias, eps: eps)
    }

    /// `weight`, `bias`.
    public func visitParameters(_ visit: (String, Variable) -> Void) {
        visit("weight", weight)
        visit("bias", bias)
    }
}
