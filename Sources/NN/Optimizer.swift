import Autodiff
import Tensors

/// Parameters handed to an optimiser: name and variable, in a fixed order.
public typealias NamedParameters = [(name: String, variable: Variable)]

/// An update rule over named parameters whose gradients have been computed.
///
/// Its state (moments, step count) is a set of named tensors so that checkpoints can save and
/// restore it exactly.
public protocol Optimizer {
    /// Applies one update with learning rate `learningRate` to every parameter that has a gradient.
    mutating func step(_ parameters: NamedParameters, learningRate: Float)
    /// The optimiser's state as named tensors.
    func stateTensors() -> [String: Tensor]
    /// Replaces the state with one saved by `stateTensors`.
    mutating func restore(_ tensors: [String: Tensor]) throws
}

/// Gradient bookkeeping shared by training loops: global norm, clipping, accumulation.
public enum Gradients {
    /// √(Σ‖g‖²) over every parameter that has a gradient, in Double.
    public static func globalNorm(_ parameters: NamedParameters) -> Float {
        var total: Double = 0
        for (_, v) in parameters {
            guard let g = v.grad else { continue }
            total += g.withUnsafePointer { Elementwise.dot($0, $0, count: g.count) }
        }
        return Float(total.squareRoot())
    }

    /// Multiplies every gradient by `factor` (e.g. 1/n after accumulating n equal micro-batches).
    public static func scale(_ parameters: NamedParameters, by factor: Float) {
        for (_, v) in parameters {
            guard var g = v.grad else { continue }
            v.setGrad(nil)
            let n = g.count
            g.withUnsafeMutablePointer { p in for i in 0..<n { p[i] *= factor } }
            v.setGrad(g)
        }
    }

    /// Rescales gradients so that their global norm is at most `maxNorm` (torch's `clip_grad_norm_`); returns the norm before clipping.
    @discardableResult
    public static func clip(_ parameters: NamedParameters, maxNorm: Float) -> Float {
        let norm = globalNorm(parameters)
        let coefficient = maxNorm / (norm + 1e-6)
        if coefficient < 1 { scale(parameters, by: coefficient) }
        return norm
    }
}

/// Why an optimiser state could not be restored.
public struct OptimizerStateError: Error, CustomStringConvertible {
    public let description: String
}
