import Tensors

/// The FedAdam server optimiser: an Adam step on the global parameters, driven by the clients' average change.
///
/// FedAdam: Reddi, Charles, Zaheer, Garrett, Rush, Konečný, Kumar & McMahan, "Adaptive Federated
/// Optimization", ICLR 2021 (arXiv:2003.00295), Algorithm 2. Per tensor, with Δ = average − global:
///
///     m ← β1·m + (1 − β1)·Δ
///     v ← β2·v + (1 − β2)·Δ²
///     global ← global + η·m / (√v + τ)
///
/// No bias correction, as in the paper's Algorithm 2; m and v start at zero for every tensor the server
/// has not seen. Element arithmetic is in `Double`; m and v are rounded to `Float` before the update uses
/// them, so the stored state (`exportState`) is exactly what the next step reads and a restored server
/// continues bit-identically.
public struct FedAdamServer {
    public var hyperparameters: Hyperparameters
    /// First moment m per parameter name.
    public internal(set) var firstMoment: NamedTensors = [:]
    /// Second moment v per parameter name.
    public internal(set) var secondMoment: NamedTensors = [:]

    /// A server with zero state.
    public init(_ hyperparameters: Hyperparameters) {
        self.hyperparameters = hyperparameters
    }

    /// A server with zero state, server learning rate η and the defaults β1 0.9, β2 0.99, τ 1e-3 unless given.
    public init(learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.99, tau: Float = 1e-3) {
        self.init(Hyperparameters(learningRate: learningRate, beta1: beta1, beta2: beta2, tau: tau))
    }

    /// One server step: the new global parameters from the current `global` and the clients' weighted `average`.
    ///
    /// Throws, leaving the state untouched, unless `global` and `average` have the same names and shapes and
    /// any stored moments have those shapes too.
    public mutating func step(global: NamedTensors, average: NamedTensors) throws -> NamedTensors {
        try checkCompatible(global: global, average: average)
        let b1 = Double(hyperparameters.beta1), b2 = Double(hyperparameters.beta2)
        let eta = Double(hyperparameters.learningRate), tau = Double(hyperparameters.tau)
        var result = NamedTensors()
        for name in global.keys.sorted() {
            let g = global[name]!, x = average[name]!
            let n = g.count
            var m = firstMoment[name] ?? Tensor(zeros: g.shape)   // shape of g
            var v = secondMoment[name] ?? Tensor(zeros: g.shape)  // shape of g
            var updated = Tensor(uninitialized: g.shape)          // shape of g
            g.withUnsafePointer { gp in x.withUnsafePointer { xp in
                m.withUnsafeMutablePointer { mp in v.withUnsafeMutablePointer { vp in
                    updated.withUnsafeMutablePointer { up in
                        for i in 0..<n {
                            let delta = Double(xp[i]) - Double(gp[i])
                            mp[i] = Float(b1 * Double(mp[i]) + (1 - b1) * delta)
                            vp[i] = Float(b2 * Double(vp[i]) + (1 - b2) * delta * delta)
                            up[i] = Float(Double(gp[i]) + eta * Double(mp[i]) / (Double(vp[i]).squareRoot() + tau))
                        }
                    }
                } }
            } }
            firstMoment[name] = m
            secondMoment[name] = v
            result[name] = updated
        }
        return result
    }

    /// One server step with the data-size-weighted average (`WeightedAverage`) of `updates` as the clients' average.
    public mutating func step(global: NamedTensors, updates: [ClientUpdate]) throws -> NamedTensors {
        try step(global: global, average: WeightedAverage.average(updates))
    }

    private func checkCompatible(global: NamedTensors, average: NamedTensors) throws {
        for name in global.keys.sorted() {
            let shape = global[name]!.shape
            guard let x = average[name] else {
                throw AggregationError.serverMismatch(name: name, problem: "in the global parameters but not in the clients' average")
            }
            if x.shape != shape {
                throw AggregationError.serverMismatch(name: name, problem: "the clients' average has shape \(x.shape), the global \(shape)")
            }
            for (label, state) in [("m", firstMoment[name]), ("v", secondMoment[name])] {
                if let state, state.shape != shape {
                    throw AggregationError.serverMismatch(name: name, problem: "server state \(label) has shape \(state.shape), the global \(shape)")
                }
            }
        }
        if let extra = average.keys.filter({ global[$0] == nil }).min() {
            throw AggregationError.serverMismatch(name: extra, problem: "in the clients' average but not in the global parameters")
        }
    }
}
