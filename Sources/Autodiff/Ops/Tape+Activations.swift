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

extension Tape {
    /// SiLU(gate) · up, element-wise (LLaMA's SwiGLU), without storing SiLU(gate).  gate, up, y: [..., mlp]
    public func swiglu(_ gate: Variable, _ up: Variable) -> Variable {
        precondition(gate.shape == up.shape, "swiglu: gate \(gate.shape) and up \(up.shape) differ")
        precondition(gate !== up, "swiglu: gate and up must be distinct variables (use silu and mul for SiLU(x) · x)")
        var y = Tensor(uninitialized: gate.shape)                          // [..., mlp]
        let n = y.count
        y.withUnsafeMutablePointer { yp in gate.value.withUnsafePointer { g in up.value.withUnsafePointer { u in
            SwiGLU.forward(g, u, yp, count: n)
        } } }
        return record(y, inputs: [gate, up]) { out in {
            out.grad!.withUnsafePointer { dy in gate.value.withUnsafePointer { g in up.value.withUnsafePointer { u in
                gate.withOptionalGrad { dg, accG in up.withOptionalGrad { du, accU in
                    SwiGLU.backward(g, u, dy, dg, accumulateGate: accG, du, accumulateUp: accU, count: n)
                } }
            } } }
        } }
    }
}
