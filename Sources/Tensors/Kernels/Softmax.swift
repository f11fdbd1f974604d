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
        var m = -Float.infinity
        for j in 0..<n { m = max(m, x[j]) }
        if m == -.infinity { for j in 0..<n { y[j] = 0 }; return }
        for j in 0..<n { y[j] = VectorMath.exp(x[j] - m) }
        var s: Float = 0
        for j in 0..<n { s += y[j] }
        let inv = 1 / s
        for j in 0..<n { y[j] *= inv }
    }

    /// dx = y ⊙ (dy − Σ dy⊙y) per row.  y, dy, dx: [rows, n]
    public static func backward(_ y: UnsafePointer<Float>, _ dy: UnsafePointer<Float>,
                                _ dx: UnsafeMutablePointer<Float>, rows: Int, n: Int, accumulate: Bool) {
        Parallel.forEachChunk(rows, grain: max(1, Elementwise.grain / max(n, 1) / 4)) { rr in
            for r in rr {
                let yr = y + r * n, gr = dy + r * n, dr = dx + r * n
                var s: Float = 0
                for j in 0..<n { s += gr[j] * yr[j] }
                if accumulate {
                    for j in 0..<n { dr[j] += yr[j] * (gr[j] - s) }
                } else {
                    for j in 0..<n { dr[j] = yr[j] * (gr[j] - s) }
                }
            }
        }
    }

    /// lse[r] = log Σ_j exp(x[r, j]).  x: [rows, n], lse: [rows]
    public static func logSumExp(_ x: UnsafePointer<Float>, _ lse: UnsafeMutablePointer<Float>, rows: Int, n: Int) {
        for r in 0..<rows {
            let xr = x + r * n
            var m = -Float.infinity
            for j in 0..<n { m = max(m, xr[j]) }
            if m == -.infinity { lse[r] = -.infinity; continue }
            var s: Float = 0
            for j in 0..<n { s += expf(xr[j] - m) }
            lse[r] = m + logf(s)
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
