import Autodiff
import Tensors

/// Stochastic gradient descent with (heavy-ball) momentum, as torch's `SGD` without dampening.
public struct SGD: Optimizer {
    /// Momentum factor μ: b ← μ·b + g, p ← p − lr·b (b = g on the first step).
    public var momentum: Float
    /// L2 penalty added to the gradient: g ← g + λ·p.
    public var weightDecay: Float
    private var buffers: [String: Tensor] = [:]

    /// An optimiser with the given momentum (0 = plain SGD).
    public init(momentum: Float = 0, weightDecay: Float = 0) {
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    /// One SGD update of every parameter with a gradient.
    public mutating func step(_ parameters: NamedParameters, learningRate lr: Float) {
        for (name, v) in parameters {
            guard let g = v.grad else { continue }
            let n = g.count
            let (mu, wd) = (momentum, weightDecay)
            let old = buffers.removeValue(forKey: name)
            var buf = Tensor(uninitialized: g.shape)
            v.value.withUnsafeMutablePointer { p in buf.withUnsafeMutablePointer { bp in g.withUnsafePointer { gp in
                for i in 0..<n { bp[i] = gp[i] + wd * p[i] }
                if mu != 0, let old { old.withUnsafePointer { op in for i in 0..<n { bp[i] += mu * op[i] } } }
                for i in 0..<n { p[i] -= lr * bp[i] }
            } } }
            if mu != 0 { buffers[name] = buf }
        }
    }

    /// `momentum.<name>` buffers.
    public func stateTensors() -> [String: Tensor] {
        Dictionary(uniqueKeysWithValues: buffers.map { ("momentum." + $0.key, $0.value) })
    }

    /// Restores the momentum buffers.
    public mutating func restore(_ tensors: [String: Tensor]) throws {
        buffers = [:]
        for (k, t) in tensors {
            guard k.hasPrefix("momentum.") else { throw OptimizerStateError(description: "SGD state has an unknown entry '\(k)'") }
            buffers[String(k.dropFirst("momentum.".count))] = t
        }
    }
}
