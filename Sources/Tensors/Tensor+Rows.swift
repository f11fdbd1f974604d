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

extension Tensor {
    /// Tensors [n_i, ...] with equal trailing shapes stacked along the first axis: [Σ n_i, ...].
    public static func concatenatingRows(_ parts: [Tensor]) -> Tensor {
        precondition(!parts.isEmpty, "nothing to concatenate")
        let tail = Array(parts[0].shape.dropFirst())
        precondition(parts.allSatisfy { Array($0.shape.dropFirst()) == tail }, "parts must share their trailing shape")
        return Tensor(shape: [parts.reduce(0) { $0 + $1.shape[0] }] + tail, scalars: parts.flatMap(\.scalars))
    }
}
