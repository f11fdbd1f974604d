import Models

/// Shepherd (Zhang et al., "Towards Building the Federated GPT: Federated Instruction Tuning",
/// ICASSP 2024): FedAvg of the LoRA only; the connector stays on its client.
public struct ShepherdStrategy: Strategy {
    private var fedAvg = FedAvgStrategy()

    public init() {}

    /// The LoRA.
    public func uploads(_ name: String, round: Int) -> Bool { ParameterGroup.llmLoRA.contains(name) }

    /// The weighted average to everyone.
    public mutating func aggregate(_ updates: [ClientUpdate], round: Int) throws -> [Int: NamedTensors] {
        try fedAvg.aggregate(updates, round: round)
    }

    /// The global LoRA.
    public var state: NamedTensors { fedAvg.state }
    /// Restores the global LoRA.
    public mutating func restore(_ state: NamedTensors) throws { try fedAvg.restore(state) }
}
