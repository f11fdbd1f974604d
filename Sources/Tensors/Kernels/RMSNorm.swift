import Foundation

/// RMSNorm over the last dimension: y = x · rstd · w, rstd = 1 / √(mean(x²) + eps).
public enum RMSNorm {
    /// x, y: [rows, n]; w: [n]; rstd: [rows] (saved for backward)
    public static func forward(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>,
                               rstd: UnsafeMutablePointer<Float>, rows: Int, n: Int, eps: Float) {
        Parallel.forEachChunk(rows, grain: max(1, Elementwise.grain / max(n, 1))) { rr in
            for r in rr {
                let xr = x + r * n, yr = y + r * n
                let rs = 1 / sqrtf(VectorReduction.sumOfSquares(xr, n) / Float(n) + eps)
                rstd[r] = rs
                for j in 0..<n { yr[j] = xr[j] * rs * w[j] }
            }
        }
    }

    /// dx = rstd · (g − x · rstd² · mean(g ⊙ x)) with g = dy ⊙ w;  dw += Σ dy ⊙ x · rstd.
    ///
    /// x, dy, dx: [rows, n]; w, dw: [n]; rstd: [rows]. `dx` or `dw` may be nil; dw is accumulated into.
    public static func backward(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, rstd: UnsafePointer<Float>,
                                _ dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>?, accumulate: Bool,
                                dw: UnsafeMutablePointer<Float>?, rows: Int, n: Int) {
        if let dx {
            Parallel.forEachChunk(rows, grain: max(1, Elementwise.grain / max(n, 1))) { rr in
                for r in rr {
                    let xr = x + r * n, gr = dy + r * n, dr = dx + r * n
                    let rs = rstd[r]
                    let c = rs * rs * VectorReduction.dot(gr, w, xr, n) / Float(n)
                    if accumulate {
                        for j in 0..<n { dr[j] += rs * (gr[j] * w[j] - xr[j] * c) }
                    } else {
                        for j in 0..<n { dr[j] = rs * (gr[j] * w[j] - xr[j] * c) }
                    }
                }
            }
        }
        if let dw {
            for r in 0..<rows {
                let xr = x + r * n, gr = dy + r * n, rs = rstd[r]
                for j in 0..<n { dw[j] += gr[j] * xr[j] * rs }
            }
        }
    }
}
