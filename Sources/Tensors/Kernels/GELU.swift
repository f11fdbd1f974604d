import Foundation

/// GELU with the exact error function: y = x · Φ(x) = ½ x (1 + erf(x / √2)).
public enum GELU {
    static let invSqrt2: Float = 0.707_106_781_186_547_5
    static let invSqrt2Pi: Float = 0.398_942_280_401_432_7

    /// y[n] = gelu(x[n])
    public static func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int) {
        Parallel.forEachChunk(count, grain: Elementwise.grain / 4) { r in
            for i in r { y[i] = 0.5 * x[i] * (1 + erff(x[i] * invSqrt2)) }
        }
    }

    /// dx[n] (=|+=) dy[n] · gelu'(x[n]),  gelu'(x) = Φ(x) + x·φ(x)
    public static func backward(_ x: UnsafePointer<Float>, _ dy: UnsafePointer<Float>,
                                _ dx: UnsafeMutablePointer<Float>, count: Int, accumulate: Bool) {
        Parallel.forEachChunk(count, grain: Elementwise.grain / 4) { r in
            for i in r {
                let v = x[i]
                let cdf = 0.5 * (1 + erff(v * invSqrt2))
                let pdf = invSqrt2Pi * expf(-0.5 * v * v)
                let g = dy[i] * (cdf + v * pdf)
                if accumulate { dx[i] += g } else { dx[i] = g }
            }
        }
    }
}
