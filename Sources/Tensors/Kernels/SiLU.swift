import Foundation

/// SiLU (swish): y = x · σ(x).
public enum SiLU {
    /// y[n] = x[n] · σ(x[n])
    public static func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int) {
        Parallel.forEachChunk(count, grain: Elementwise.grain / 4) { r in
            for i in r { y[i] = x[i] / (1 + VectorMath.exp(-x[i])) }
        }
    }

    /// dx[n] (=|+=) dy[n] · σ(x)(1 + x(1 − σ(x)))
    public static func backward(_ x: UnsafePointer<Float>, _ dy: UnsafePointer<Float>,
                                _ dx: UnsafeMutablePointer<Float>, count: Int, accumulate: Bool) {
        Parallel.forEachChunk(count, grain: Elementwise.grain / 4) { r in
            if accumulate {
                for i in r { let s = 1 / (1 + VectorMath.exp(-x[i])); dx[i] += dy[i] * s * (1 + x[i] * (1 - s)) }
            } else {
                for i in r { let s = 1 / (1 + VectorMath.exp(-x[i])); dx[i] = dy[i] * s * (1 + x[i] * (1 - s)) }
            }
        }
    }
}
