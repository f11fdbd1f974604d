/// FedAvg (McMahan et al., "Communication-Efficient Learning of Deep Networks from Decentralized
/// Data", AISTATS 2017): the data-size-weighted average of every trainable parameter goes to all.
public struct FedAvgStrategy: Strategy {
    /// The last average.
    public private(set) var global: NamedTensors = [:]

    public init() {}

    /// Every trainable parameter.
    public func uploads(_ name: String, round: Int) -> Bool { true }

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
