import Autodiff
import Models

/// FedProx (Li et al., "Federated Optimization in Heterogeneous Networks", MLSys 2020): FedAvg's server;
/// each client adds the proximal term (μ/2)·‖θ − θ_global‖² to its loss, anchored at the last average.
public struct FedProxStrategy: Strategy {
    /// The proximal coefficient μ.
    public let mu: Float
    private var fedAvg = FedAvgStrategy()

    public init(mu: Float) { self.mu = mu }

    /// The last average: the proximal term's anchor θ_global (empty before the first round's).
    public var global: NamedTensors { fedAvg.global }

    /// Every trainable parameter.
    public func uploads(_ name: String, round: Int) -> Bool { fedAvg.uploads(name, round: round) }

    /// The weighted average to everyone.
    public mutating func aggregate(_ updates: [ClientUpdate], round: Int) throws -> [Int: NamedTensors] {
        try fedAvg.aggregate(updates, round: round)
    }

    /// The global parameters.
    public var state: NamedTensors { fedAvg.state }
    /// Restores the global parameters.
    public mutating func restore(_ state: NamedTensors) throws { try fedAvg.restore(state) }

    /// The client's (μ/2)·‖θ − θ_global‖² over `model`'s trainable parameters that have an anchor,
    /// or nil before there is an anchor.
    public func proximalTerm(for model: MultimodalModel) -> ((Tape) -> Variable?)? {
        let anchor = global, mu = mu
        guard !anchor.isEmpty else { return nil }
        let parameters = model.trainableParameters().filter { anchor[$0.name] != nil }
        return { tape in
            let terms = parameters.map { p -> (Variable, Float) in
                let d = tape.sub(p.variable, Variable(anchor[p.name]!))
                return (tape.sum(tape.mul(d, d)), mu / 2)
            }
            return terms.isEmpty ? nil : tape.weightedSum(terms)
        }
    }
}
