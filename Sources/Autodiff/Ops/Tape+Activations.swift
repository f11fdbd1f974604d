import Tensors

extension Tape {
    /// GELU with the exact erf, element-wise.
    public func gelu(_ x: Variable) -> Variable {
        unary(x, forward: GELU.forward, backward: GELU.backward)
    }

    /// SiLU (x · σ(x)), element-wise.
    public func silu(_ x: Variable) -> Variable {
        unary(x, forward: SiLU.forward, backward: SiLU.backward)
    }

    /// An element-wise op whose backward needs the input only.
    func unary(_ x: Variable, op: String = #function,
               forward: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void,
               backward: @escaping (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int, Bool) -> Void) -> Variable {
        var y = Tensor(uninitialized: x.shape)
        let n = y.count
        y.withUnsafeMutablePointer { yp in x.value.withUnsafePointer { forward($0, yp, n) } }
        return record(y, inputs: [x], op: op) { out in {
            out.grad!.withUnsafePointer { g in x.value.withUnsafePointer { xp in
                x.accumulateGrad { d, acc in backward(xp, g, d, n, acc) }
            } }
        } }
    }
}
