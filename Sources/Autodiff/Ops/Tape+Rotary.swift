import Tensors

extension Tape {
    /// Rotary position embedding of [B, T, H, hd] activations at positions start..<start+T.
    public func rotary(_ x: Variable, _ table: Rotary, start: Int = 0) -> Variable {
        precondition(x.shape.count == 4 && x.shape[3] == table.headDim, "rotary: input \(x.shape) for head dim \(table.headDim)")
        let (b, t, h) = (x.shape[0], x.shape[1], x.shape[2])
        var y = Tensor(uninitialized: x.shape)
        y.withUnsafeMutablePointer { yp in x.value.withUnsafePointer {
            table.forward($0, yp, batch: b, tokens: t, heads: h, start: start)
        } }
        return record(y, inputs: [x]) { out in {
            out.grad!.withUnsafePointer { g in x.accumulateGrad { d, acc in
                table.backward(g, d, batch: b, tokens: t, heads: h, start: start, accumulate: acc)
            } }
        } }
    }
}
