import Autodiff
import NN
import Tensors

/// Two linear layers with GELU between: the LLaVA connector's shape, and the shape of every Pilot adapter.
public struct MLPAdapter: ParameterContainer {
    /// [hidden, in] and [out, hidden].
    public let fc1: Linear, fc2: Linear

    /// An adapter with torch-default initialisation.
    public init(inputs: Int, hidden: Int, outputs: Int, rng: inout RandomStream) {
        fc1 = Linear(inputs: inputs, outputs: hidden, rng: &rng)
        fc2 = Linear(inputs: hidden, outputs: outputs, rng: &rng)
    }

    /// A fresh adapter holding a copy of `other`'s values (the "initialise from" of Pilot's stage 2).
    public init(copying other: MLPAdapter) {
        fc1 = Linear(weight: other.fc1.weight.value, bias: other.fc1.bias?.value)
        fc2 = Linear(weight: other.fc2.weight.value, bias: other.fc2.bias?.value)
    }

    /// fc2(gelu(fc1(x))).  x: [..., in] → [..., out]
    public func callAsFunction(_ x: Variable, on tape: Tape) -> Variable {
        fc2(tape.gelu(fc1(x, on: tape)), on: tape)
    }

    /// fc1, fc2.
    public func visitParameters(_ visit: (String, Variable) -> Void) {
        fc1.visitParameters { visit("fc1." + $0, $1) }
        fc2.visitParameters { visit("fc2." + $0, $1) }
    }
}
