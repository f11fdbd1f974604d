import Foundation

/// Row L2 normalisation as torch's F.normalize: y = x / max(‖x‖, eps).
public enum L2Normalize {
    /// x, y: [rows, n]; norm: [rows] = max(‖x_r‖, eps) (saved for backward)
    public static func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>,
                               norm: UnsafeMutablePointer<Float>, rows: Int, n: Int, eps: Float) {
        for r in 0..<rows {
            var s: Float = 0
            for j in 0..<n { s += x[r * n + j] * x[r * n + j] }
            let d = max(sqrtf(s), eps)
            norm[r] = d
            let inv = 1 / d
            for j in 0..<n { y[r * n + j] = x[r * n + j] * inv }
        }
    }

    /// dx = (dy − y · Σ dy⊙y) / d where the norm was above eps, else dy / eps.
    ///
    /// With `detachNorm` the norm is treated as a constant: dx = dy / d.
    /// y, dy, dx: [rows, n]; norm: [rows]
    public static func backward(_ y: UnsafePointer<Float>, norm: UnsafePointer<Float>, _ dy: UnsafePointer<Float>,
                                _ dx: UnsafeMutablePointer<Float>, rows: Int, n: Int, eps: Float,
                                detachNorm: Bool, accumulate: Bool) {
        for r in 0..<rows {
            let d = norm[r]
            let inv = 1 / d
            var s: Float = 0
            if !detachNorm && d > eps { for j in 0..<n { s += dy[r * n + j] * y[r * n + j] } }
            for j in 0..<n {
                let g = (dy[r * n + j] - y[r * n + j] * s) * inv
                if accumulate { dx[r * n + j] += g } else { dx[r * n + j] = g }
            }
        }
    }
}
