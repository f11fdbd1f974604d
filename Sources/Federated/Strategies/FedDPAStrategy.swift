import Models

/// FedDPA (Yang et al., "Dual-Personalizing Adapter for Federated Foundation Models", NeurIPS 2024):
/// FedAvg of everything a client trains but its local LoRA, which stays private. The mixing of the
/// two adapters is the model's (`MultimodalModel.localWeight`, `FedDPAInstanceWeight`).
public struct FedDPAStrategy: Strategy {
    private var fedAvg = FedAvgStrategy()

    public init() {}

    /// Every trainable parameter but the local LoRA.
    public func uploads(_ name: String, round: Int) -> Bool { !ParameterGroup.llmLocalLoRA.contains(name) }

    /// The weighted average to everyone.
    public mutating func aggregate(_ updates: [ClientUpdate], round: Int) throws -> [Int: NamedTensors] {
        try fedAvg.aggregate(updates, round: round)
    }

    /// The global parameters.
    public var state: NamedTensors { fedAvg.state }
    /// Restores the global parameters.
    public mutating func restore(_ state: NamedTensors) throws { try fedAvg.restore(state) }
}
