/// FedAdam (Reddi et al., "Adaptive Federated Optimization", ICLR 2021): the server takes an Adam
/// step along the pseudo-gradient Δ = (weighted client average − global).
public struct FedAdamStrategy: Strategy {
    /// The server optimiser with its moments.
    public private(set) var server: FedAdamServer
    /// The global parameters (set from the first round's average... see `aggregate`).
    public private(set) var global: NamedTensors

    /// A FedAdam server starting from `initial` (the parameters every client starts from).
    public init(serverLearningRate: Float, initial: NamedTensors) {
        server = FedAdamServer(learningRate: serverLearningRate)
        global = initial
    }

    /// Every trainable parameter.
    public func uploads(_ name: String, round: Int) -> Bool { true }

    /// Adam step on the global parameters; the new global to everyone.
    public mutating func aggregate(_ updates: [ClientUpdate], round: Int) throws -> [Int: NamedTensors] {
        global = try server.step(global: global, updates: updates)
        return Self.broadcast(global, to: updates)
    }

    /// Global parameters under `global/`, moments under `m/` and `v/`.
    public var state: NamedTensors {
        var out = server.exportState()
        for (name, value) in global { out["global/" + name] = value }
        return out
    }

    /// Restores global parameters and moments.
    public mutating func restore(_ state: NamedTensors) throws {
        global = state.under("global/")
        try server.importState(state.filter { !$0.key.hasPrefix("global/") })
    }
}
