import Foundation

/// The SwiGLU gate of LLaMA's MLP in one pass: y = SiLU(g) · u.
///
/// Fused so that SiLU(g) is never stored: against `SiLU` followed by a product it saves writing and
/// reading one [rows, mlp] tensor forward and two backward.
public enum SwiGLU {
    /// y[n] = g[n] · σ(g[n]) · u[n]
    public static func forward(_ g: UnsafePointer<Float>, _ u: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int) {
        Parallel.forEachChunk(count, grain: Elementwise.grain / 4) { r in
            for i in r { y[i] = g[i] / (1 + VectorMath.exp(-g[i])) * u[i] }
        }
    }

    /// dg[n] (=|+=) dy·u·σ(g)(1 + g(1 − σ(g))), du[n] (=|+=) dy·g·σ(g); either output may be nil (not needed).
    public static func backward(_ g: UnsafePointer<Float>, _ u: UnsafePointer<Float>, _ dy: UnsafePointer<Float>,
                                _ dg: UnsafeMutablePointer<Float>?, accumulateGate: Bool,
                                _ du: UnsafeMutablePointer<Float>?, accumulateUp: Bool, count: Int) {
        Parallel.forEachChunk(count, grain: Elementwise.grain / 4) { r in
            // Branches stay outside the loops so that each loop vectorises; the common case (both
            // gradients new, as for the outputs of the gate and up projections) takes σ once.
            if let dg, let du, !accumulateGate, !accumulateUp {
                for i in r {
                    let s = 1 / (1 + VectorMath.exp(-g[i])), d = dy[i] * s
                    dg[i] = d * u[i] * (1 + g[i] * (1 - s))
                    du[i] = d * g[i]
                }
                return
            }
            // (An output that is not accumulated may hold garbage, so it is never read.)
            if let dg, accumulateGate {
                for i in r { let s = 1 / (1 + VectorMath.exp(-g[i])); dg[i] += dy[i] * u[i] * s * (1 + g[i] * (1 - s)) }
            } else if let dg {
                for i in r { let s = 1 / (1 + VectorMath.exp(-g[i])); dg[i] = dy[i] * u[i] * s * (1 + g[i] * (1 - s)) }
            }
            if let du, accumulateUp {
                for i in r { du[i] += dy[i] * g[i] / (1 + VectorMath.exp(-g[i])) }
            } else if let du {
                for i in r { du[i] = dy[i] * g[i] / (1 + VectorMath.exp(-g[i])) }
            }
        }
    }
}
