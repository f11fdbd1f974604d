/// Data movement: axis permutations and block copies along one axis (for concat and slice).
public enum Layout {
    /// out = x with its axes permuted: out.shape[i] = shape[perm[i]].  x: shape, out: permuted shape
    public static func permute(_ x: UnsafePointer<Float>, shape: [Int], perm: [Int],
                               _ out: UnsafeMutablePointer<Float>, accumulate: Bool = false) {
        let rank = shape.count
        var inStrides = [Int](repeating: 1, count: rank)
        for d in stride(from: rank - 2, through: 0, by: -1) { inStrides[d] = inStrides[d + 1] * shape[d + 1] }
        let outShape = perm.map { shape[$0] }
        let src = perm.map { inStrides[$0] }       // input stride of each output axis
        let total = shape.reduce(1, *)
        guard total > 0 else { return }
        guard rank > 0 else { out[0] = accumulate ? out[0] + x[0] : x[0]; return }
        var index = [Int](repeating: 0, count: rank)
        var offset = 0
        let inner = outShape[rank - 1], innerStride = src[rank - 1]
        var o = 0
        while o < total {
            if accumulate {
                for i in 0..<inner { out[o + i] += x[offset + i * innerStride] }
            } else {
                for i in 0..<inner { out[o + i] = x[offset + i * innerStride] }
            }
            o += inner
            var d = rank - 2
            while d >= 0 {
                index[d] += 1
                offset += src[d]
                if index[d] < outShape[d] { break }
                offset -= src[d] * outShape[d]
                index[d] = 0
                d -= 1
            }
        }
    }

    /// The permutation that undoes `perm`.
    public static func inverse(_ perm: [Int]) -> [Int] {
        var inv = [Int](repeating: 0, count: perm.count)
        for (i, p) in perm.enumerated() { inv[p] = i }
        return inv
    }

    /// Copies `x`, viewed as [outer, xAxis, inner], into `out`, viewed as [outer, outAxis, inner], at
    /// axis offset `at` (concat); or the reverse when `gather` is set (slice: out[.., 0..<xAxis, ..] =
    /// x[.., at..<at+xAxis, ..] with the roles of the axis extents swapped).
    ///
    /// x: [outer, xAxis, inner]; out: [outer, outAxis, inner]
    public static func copyBlock(_ x: UnsafePointer<Float>, xAxis: Int, into out: UnsafeMutablePointer<Float>,
                                 outAxis: Int, at: Int, outer: Int, inner: Int, accumulate: Bool = false) {
        let n = xAxis * inner
        for o in 0..<outer {
            let s = x + o * n, d = out + (o * outAxis + at) * inner
            if accumulate { for i in 0..<n { d[i] += s[i] } } else { d.update(from: s, count: n) }
        }
    }

    /// out = x[.., at..<at+outAxis, ..].  x: [outer, xAxis, inner]; out: [outer, outAxis, inner]
    public static func sliceBlock(_ x: UnsafePointer<Float>, xAxis: Int, at: Int, into out: UnsafeMutablePointer<Float>,
                                  outAxis: Int, outer: Int, inner: Int) {
        let n = outAxis * inner
        for o in 0..<outer { (out + o * n).update(from: x + (o * xAxis + at) * inner, count: n) }
    }
}
