/// FedAvg (McMahan et al., "Communication-Efficient Learning of Deep Networks from Decentralized
/// Data", AISTATS 2017): the data-size-weighted average of every trainable parameter goes to all.
///
/// Also the server of FedProx (Li et al., MLSys 2020), whose difference is the client's proximal
/// term, and of Shepherd (Zhang et al., ICASSP 2024) and FedDPA (Yang et al., 2024) restricted
/// to the parameters they share (`shared`).
public struct FedAvgStrategy: Strategy {
    /// Which parameters are shared: all trainable ones, or only some (Shepherd: LoRA; FedDPA: not the local LoRA).
    public let shared: (String) -> Bool
    /// The last average (FedProx's anchor θ_global).
    public private(set) var global: NamedTensors = [:]

    /// A FedAvg server over the parameters `shared` accepts.
    public init(shared: @escaping (String) -> Bool = { _ in true }) { self.shared = shared }

    /// Parameters `shared` accepts.
    public func uploads(_ name: String, round: Int) -> Bool { shared(name) }

    /// The weighted average to everyone.
    public mutating func aggregate(_ updates: [ClientUpdate], round: Int) throws -> [Int: NamedTensors] {
        global = try WeightedAverage.average(updates)
        return Self.broadcast(global, to: updates)
    }

    /// The global parameters.
    public var state: NamedTensors { global }
    /// Restores the global parameters.
    public mutating func restore(_ state: NamedTensors) throws { global = state }
}
