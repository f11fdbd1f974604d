import Autodiff
import Foundation
import Tensors

/// Adam with decoupled weight decay (Loshchilov & Hutter 2019), with torch's defaults and update order.
public struct AdamW: Optimizer {
    /// Exponential decay of the first moment.
    public var beta1: Float
    /// Exponential decay of the second moment.
    public var beta2: Float
    /// Added to √v̂ for stability.
    public var epsilon: Float
    /// Decoupled weight decay, applied as p ← p − lr·λ·p.
    public var weightDecay: Float
    /// Updates taken so far.
    public private(set) var stepCount = 0
    private var firstMoment: [String: Tensor] = [:]
    private var secondMoment: [String: Tensor] = [:]

    /// An optimiser with torch's `AdamW` defaults unless given.
    public init(beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0.01) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// One AdamW update of every parameter with a gradient.
    public mutating func step(_ parameters: NamedParameters, learningRate lr: Float) {
        stepCount += 1
        let c1 = 1 - powf(beta1, Float(stepCount)), c2 = 1 - powf(beta2, Float(stepCount))
        for (name, v) in parameters {
            guard let g = v.grad else { continue }
            let n = g.count
            var m = firstMoment[name] ?? Tensor(zeros: g.shape)
            var s = secondMoment[name] ?? Tensor(zeros: g.shape)
            firstMoment[name] = nil
            secondMoment[name] = nil
            let (b1, b2, eps, decay) = (beta1, beta2, epsilon, 1 - lr * weightDecay)
            let stepSize = lr / c1, rootC2 = c2.squareRoot()
            v.value.withUnsafeMutablePointer { p in m.withUnsafeMutablePointer { mp in s.withUnsafeMutablePointer { sp in
                g.withUnsafePointer { gp in
                    // p, m, s, g: [n]. Each element's update reads and writes only itself: chunks on the compute
                    // threads give the same floats as one loop.
                    Parallel.forEachChunk(n, grain: Elementwise.grain / 4) { r in
                        for i in r {
                            p[i] *= decay
                            mp[i] = b1 * mp[i] + (1 - b1) * gp[i]
                            sp[i] = b2 * sp[i] + (1 - b2) * gp[i] * gp[i]
                            p[i] -= stepSize * mp[i] / (sp[i].squareRoot() / rootC2 + eps)
                        }
                    }
                }
            } } }
            firstMoment[name] = m
            secondMoment[name] = s
        }
    }

    /// `m.<name>`, `v.<name>` and `step` (a one-element tensor).
    public func stateTensors() -> [String: Tensor] {
        var out: [String: Tensor] = ["step": Tensor(scalar: Float(stepCount))]
        for (k, t) in firstMoment { out["m." + k] = t }
        for (k, t) in secondMoment { out["v." + k] = t }
        return out
    }

    /// Restores moments and step count saved by `stateTensors`.
    public mutating func restore(_ tensors: [String: Tensor]) throws {
        guard let step = tensors["step"], step.count == 1 else { throw OptimizerStateError(description: "AdamW state has no step count") }
        stepCount = Int(step.scalar)
        firstMoment = [:]
        secondMoment = [:]
        for (k, t) in tensors where k != "step" {
            if k.hasPrefix("m.") { firstMoment[String(k.dropFirst(2))] = t }
            else if k.hasPrefix("v.") { secondMoment[String(k.dropFirst(2))] = t }
            else { throw OptimizerStateError(description: "AdamW state has an unknown entry '\(k)'") }
        }
    }
}
