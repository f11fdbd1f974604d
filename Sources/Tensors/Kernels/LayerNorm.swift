import Foundation

/// LayerNorm over the last dimension: y = (x − μ) · rstd · w + b.
public enum LayerNorm {
    /// x, y: [rows, n]; w, b: [n]; mean, rstd: [rows] (saved for backward)
    public static func forward(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                               _ y: UnsafeMutablePointer<Float>, mean: UnsafeMutablePointer<Float>,
                               rstd: UnsafeMutablePointer<Float>, rows: Int, n: Int, eps: Float) {
        Parallel.forEachChunk(rows, grain: max(1, Elementwise.grain / max(n, 1))) { rr in
            for r in rr {
                let xr = x + r * n, yr = y + r * n
                let mu = VectorReduction.sum(xr, n) / Float(n)
                let rs = 1 / sqrtf(VectorReduction.sumOfSquaredDeviations(xr, from: mu, n) / Float(n) + eps)
                mean[r] = mu
                rstd[r] = rs
                for j in 0..<n { yr[j] = (xr[j] - mu) * rs * w[j] + b[j] }
            }
        }
    }

    /// dx = rstd · (g − mean(g) − x̂ · mean(g ⊙ x̂)) with g = dy ⊙ w;  dw += Σ dy ⊙ x̂;  db += Σ dy.
    ///
    /// x, dy, dx: [rows, n]; w, dw, db: [n]; mean, rstd: [rows]. `dx`, `dw`, `db` may be nil
    /// (not needed); dw and db are always accumulated into (initialise them).
    public static func backward(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>,
                                mean: UnsafePointer<Float>, rstd: UnsafePointer<Float>,
                                _ dy: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>?, accumulate: Bool,
                                dw: UnsafeMutablePointer<Float>?, db: UnsafeMutablePointer<Float>?,
                                rows: Int, n: Int) {
        for r in 0..<rows {
            let xr = x + r * n, gr = dy + r * n
            let mu = mean[r], rs = rstd[r]
            if let dx {
                var sg: Float = 0, sgx: Float = 0
                for j in 0..<n {
                    let g = gr[j] * w[j]
                    sg += g
                    sgx += g * (xr[j] - mu) * rs
                }
                sg /= Float(n); sgx /= Float(n)
                let dr = dx + r * n
                for j in 0..<n {
                    let v = rs * (gr[j] * w[j] - sg - (xr[j] - mu) * rs * sgx)
                    if accumulate { dr[j] += v } else { dr[j] = v }
                }
            }
            if let dw { for j in 0..<n { dw[j] += gr[j] * (xr[j] - mu) * rs } }
            if let db { for j in 0..<n { db[j] += gr[j] } }
        }
    }
}
