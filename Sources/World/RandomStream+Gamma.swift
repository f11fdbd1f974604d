import Foundation
import Tensors

extension RandomStream {
    /// A Gamma(shape, 1) draw (Marsaglia and Tsang 2000; shape < 1 through the boost u^(1/shape)).
    public mutating func nextGamma(shape: Double) -> Double {
        precondition(shape > 0, "Gamma shape must be positive, got \(shape)")
        if shape < 1 {
            let u = max(Double(nextUniform()), 1e-12)
            return nextGamma(shape: shape + 1) * pow(u, 1 / shape)
        }
        let d = shape - 1.0 / 3.0, c = 1 / (9 * d).squareRoot()
        while true {
            let x = Double(nextNormal())
            let v0 = 1 + c * x
            guard v0 > 0 else { continue }
            let v = v0 * v0 * v0
            let u = max(Double(nextUniform()), 1e-12)
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
        }
    }
}
