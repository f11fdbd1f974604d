import Tensors

/// Ops that have no gradient: results are plain tensors or indices.
public enum NonDifferentiable {
    /// Index of the largest element along the last axis, per row.  x: [..., n] → [rows]
    public static func argmax(_ x: Tensor) -> [Int] {
        let n = x.shape.last ?? 1
        return x.withUnsafePointer { Reduction.argmaxRows($0, rows: x.count / max(n, 1), n: n) }
    }

    /// One-hot rows: [indices.count, classes] with 1 at each index.
    public static func oneHot(_ indices: [Int], classes: Int) -> Tensor {
        var t = Tensor(zeros: [indices.count, classes])
        t.withUnsafeMutablePointer { p in
            for (r, i) in indices.enumerated() {
                precondition(i >= 0 && i < classes, "oneHot: index \(i) outside 0..<\(classes)")
                p[r * classes + i] = 1
            }
        }
        return t
    }
}
