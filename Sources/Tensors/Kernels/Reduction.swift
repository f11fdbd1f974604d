/// Sums over one axis and over everything.
public enum Reduction {
    /// out[o, i] = Σ_a x[o, a, i].  x: [outer, axis, inner]; out: [outer, inner]
    public static func sumAxis(_ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>,
                               outer: Int, axis: Int, inner: Int) {
        for o in 0..<outer {
            let d = out + o * inner
            d.initialize(repeating: 0, count: inner)
            for a in 0..<axis {
                let s = x + (o * axis + a) * inner
                for i in 0..<inner { d[i] += s[i] }
            }
        }
    }

    /// dx[o, a, i] (=|+=) scale · dy[o, i].  dy: [outer, inner]; dx: [outer, axis, inner]
    public static func expandAxis(_ dy: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>, scale: Float,
                                  outer: Int, axis: Int, inner: Int, accumulate: Bool) {
        for o in 0..<outer {
            let s = dy + o * inner
            for a in 0..<axis {
                let d = dx + (o * axis + a) * inner
                if accumulate { for i in 0..<inner { d[i] += scale * s[i] } } else { for i in 0..<inner { d[i] = scale * s[i] } }
            }
        }
    }

    /// Σ x in Double, returned as Float.
    public static func sum(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var total: Double = 0
        var i = 0
        while i < count {
            let end = min(count, i + 256)
            var part: Float = 0
            for j in i..<end { part += x[j] }
            total += Double(part)
            i = end
        }
        return Float(total)
    }

    /// argmax[r] = index of the largest x[r, :] (the first on ties).  x: [rows, n]
    public static func argmaxRows(_ x: UnsafePointer<Float>, rows: Int, n: Int) -> [Int] {
        (0..<rows).map { r in
            var best = 0
            for j in 1..<max(n, 1) where x[r * n + j] > x[r * n + best] { best = j }
            return best
        }
    }
}
