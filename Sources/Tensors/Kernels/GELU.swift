import Foundation

/// GELU with the error function: y = x · Φ(x) = ½ x (1 + erf(x / √2)), erf as `VectorMath.erf`.
public enum GELU {
    static let invSqrt2: Float = 0.707_106_781_186_547_5
    static let invSqrt2Pi: Float = 0.398_942_280_401_432_7

    /// y[n] = gelu(x[n])
    public static func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int) {
        Parallel.forEachChunk(count, grain: Elementwise.grain / 4) { r in
            for i in r { y[i] = 0.5 * x[i] * (1 + VectorMath.erf(x[i] * invSqrt2)) }
        }
    }

    /// dx[n] (=|+=) dy[n] · gelu'(x[n]),  gelu'(x) = Φ(x) + x·φ(x)
    public static func backward(_ x: UnsafePointer<Float>, _ dy: UnsafePointer<Float>,
                                _ dx: UnsafeMutablePointer<Float>, count: Int, accumulate: Bool) {
        @inline(__always) func derivative(_ v: Float) -> Float {
            0.5 * (1 + VectorMath.erf(v * invSqrt2)) + v * (invSqrt2Pi * VectorMath.exp(-0.5 * v * v))
        }
        Parallel.forEachChunk(count, grain: Elementwise.grain / 4) { r in
            if accumulate {
                for i in r { dx[i] += dy[i] * derivative(x[i]) }
            } else {
                for i in r { dx[i] = dy[i] * derivative(x[i]) }
            }
        }
    }
}
