import Tensors

extension Tape {
    /// Rows of `x` viewed as [N, d] (d = last axis) picked by `indices` → [indices.count, d].
    ///
    /// This is how the loss touches only answer positions: the final norm and head then run on
    /// those rows alone.
    public func gatherRows(_ x: Variable, _ indices: [Int]) -> Variable {
        let d = x.shape.last ?? 1, n = x.value.count / max(d, 1)
        precondition(indices.allSatisfy { $0 >= 0 && $0 < n }, "gatherRows: an index is outside 0..<\(n)")
        var y = Tensor(uninitialized: [indices.count, d])
        y.withUnsafeMutablePointer { yp in x.value.withUnsafePointer { Gather.rows($0, indices: indices, yp, d: d) } }
        return record(y, inputs: [x]) { out in {
            out.grad!.withUnsafePointer { g in x.addIntoGrad { Gather.scatterAdd(g, indices: indices, $0, d: d) } }
        } }
    }
}
