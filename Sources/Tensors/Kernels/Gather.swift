/// Row selection: out[i, :] = x[indices[i], :], and its scatter-add backward.
public enum Gather {
    /// out[i, :] = x[indices[i], :].  x: [N, d]; out: [indices.count, d]
    public static func rows(_ x: UnsafePointer<Float>, indices: [Int], _ out: UnsafeMutablePointer<Float>, d: Int) {
        for (i, r) in indices.enumerated() { (out + i * d).update(from: x + r * d, count: d) }
    }

    /// dx[indices[i], :] += dout[i, :].  dout: [indices.count, d]; dx: [N, d] (initialised)
    public static func scatterAdd(_ dout: UnsafePointer<Float>, indices: [Int], _ dx: UnsafeMutablePointer<Float>, d: Int) {
        for (i, r) in indices.enumerated() {
            let dst = dx + r * d, src = dout + i * d
            for j in 0..<d { dst[j] += src[j] }
        }
    }
}
