import Tensors

extension Tensor {
    /// The slices `indices` of the first axis, stacked: [N, ...] → [indices.count, ...].
    public func rows(_ indices: [Int]) -> Tensor {
        let inner = shape.dropFirst().reduce(1, *)
        var out = Tensor(uninitialized: [indices.count] + shape.dropFirst())
        out.withUnsafeMutablePointer { o in
            withUnsafePointer { x in Gather.rows(x, indices: indices, o, d: inner) }
        }
        return out
    }
}
