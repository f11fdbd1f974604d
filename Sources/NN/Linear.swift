import Autodiff
import Tensors

/// A fully connected layer, y = x Wᵀ + b, with torch's layout (W: [out, in]) and initialisation.
public struct Linear: ParameterContainer {
    /// [out, in]
    public let weight: Variable
    /// [out], or nil for a layer without bias.
    public let bias: Variable?

    /// Kaiming-uniform weight and uniform bias in ±1/√in, as `torch.nn.Linear`.
    public init(inputs: Int, outputs: Int, bias: Bool = true, rng: inout RandomStream) {
        let bound = 1 / Float(inputs).squareRoot()
        weight = Variable(Tensor.randomUniform([outputs, inputs], low: -bound, high: bound, using: &rng))
        self.bias = bias ? Variable(Tensor.randomUniform([outputs], low: -bound, high: bound, using: &rng)) : nil
    }

    /// A layer with the given weight (and bias) values.
    public init(weight: Tensor, bias: Tensor?) {
        self.weight = Variable(weight)
        self.bias = bias.map { Variable($0) }
    }

    /// y = x Wᵀ + b over the last axis.
    public func callAsFunction(_ x: Variable, on tape: Tape) -> Variable { tape.linear(x, weight, bias) }

    /// `weight`, then `bias`.
    public func visitParameters(_ visit: (String, Variable) -> Void) {
        visit("weight", weight)
        if let bias { visit("bias", bias) }
    }
}
