import Foundation

/// Softmax, log-softmax and log-sum-exp over the last dimension of a [rows, n] matrix.
public enum Softmax {
    /// y[r, :] = softmax(x[r, :]).  x, y: [rows, n]
    public static func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, rows: Int, n: Int) {
        Parallel.forEachChunk(rows, grain: max(1, Elementwise.grain / max(n, 1) / 4)) { rr in
            for r in rr { row(x + r * n, y + r * n, n) }
        }
    }

    /// Softmax of one row of `n` values.
    @inline(__always)
    static func row(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        let m = VectorReduction.maximum(x, n)
        if m == -.infinity { for j in 0..<n { y[j] = 0 }; return }
        if UnsafePointer(y) == x {      // in place (attention): one pointer, so the loop vectorises without an overlap check
            for j in 0..<n { y[j] = VectorMath.exp(y[j] - m) }
        } else {
            for j in 0..<n { y[j] = VectorMath.exp(x[j] - m) }
        }
        let inv = 1 / VectorReduction.sum(y, n)
        for j in 0..<n { y[j] *= inv }
    }

    /// dx = y ⊙ (dy − Σ dy⊙y) per row.  y, dy, dx: [rows, n]
    public static func backward(_ y: UnsafePointer<Float>, _ dy: UnsafePointer<Float>,
                                _ dx: UnsafeMutablePointer<Float>, rows: Int, n: Int, accumulate: Bool) {
        Parallel.forEachChunk(rows, grain: max(1, Elementwise.grain / max(n, 1) / 4)) { rr in
            for r in rr {
                let yr = y + r * n, gr = dy + r * n, dr = dx + r * n
                let s = VectorReduction.dot(gr, yr, n)
                if accumulate {
                    for j in 0..<n { dr[j] += yr[j] * (gr[j] - s) }
                } else if UnsafePointer(dr) == gr {     // in place (attention): one pointer, so the loop vectorises
                    for j in 0..<n { dr[j] = yr[j] * (dr[j] - s) }
                } else {
                    for j in 0..<n { dr[j] = yr[j] * (gr[j] - s) }
                }
            }
        }
    }

    /// lse[r] = log Σ_j exp(x[r, j]).  x: [rows, n], lse: [rows]
    public static func logSumExp(_ x: UnsafePointer<Float>, _ lse: UnsafeMutablePointer<Float>, rows: Int, n: Int) {
        Parallel.forEachChunk(rows, grain: max(1, Elementwise.grain / max(n, 1) / 4)) { rr in
            var shifted = [Float](repeating: 0, count: n)                            // [n]
            shifted.withUnsafeMutableBufferPointer { e in
                for r in rr {
                    let xr = x + r * n
                    let m = VectorReduction.maximum(xr, n)
                    if m == -.infinity { lse[r] = -.infinity; continue }
                    for j in 0..<n { e[j] = VectorMath.exp(xr[j] - m) }
                    lse[r] = m + logf(VectorReduction.sum(e.baseAddress!, n))
                }
            }
        }
    }

    /// y[r, :] = x[r, :] − lse[r].  x, y: [rows, n]
    public static func logForward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, rows: Int, n: Int) {
        var lse = [Float](repeating: 0, count: rows)
        logSumExp(x, &lse, rows: rows, n: n)
        for r in 0..<rows { for j in 0..<n { y[r * n + j] = x[r * n + j] - lse[r] } }
    }

    /// dx = dy − softmax(x) · Σ dy, with softmax(x) = exp(y).  y, dy, dx: [rows, n]
    public static func logBackward(_ y: UnsafePointer<Float>, _ dy: UnsafePointer<Float>,
                                   _ dx: UnsafeMutablePointer<Float>, rows: Int, n: Int, accumulate: Bool) {
        for r in 0..<rows {
            var s: Float = 0
            for j in 0..<n { s += dy[r * n + j] }
            for j in 0..<n {
                let g = dy[r * n + j] - expf(y[r * n + j]) * s
                if accumulate { dx[r * n + j] += g } else { dx[r * n + j] = g }
            }
        }
    }

    /// dx[r, :] = dlse[r] · softmax(x[r, :]) = dlse[r] · exp(x − lse).  x, dx: [rows, n]; lse, dlse: [rows]
    public static func logSumExpBackward(_ x: UnsafePointer<Float>, _ lse: UnsafePointer<Float>,
                                         _ dlse: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>,
                                         rows: Int, n: Int, accumulate: Bool) {
        for r in 0..<rows {
            for j in 0..<n {
                let g = dlse[r] * expf(x[r * n + j] - lse[r])
                if accumulate { dx[r * n + j] += g } else { dx[r * n + j] = g }
            }
        }
    }
}
