import NN

/// A named set of the model's parameters, addressed by name pattern: what the federated layer
/// sends between clients and server and what checkpoints save under one group.
public enum ParameterGroup: String, CaseIterable, Codable, Hashable, Sendable {
    /// The whole vision encoder.
    case vision = "vision"
    /// The encoder blocks' MLP layers (what CT-CLIP trains).
    case visionMLP = "vision.mlp"
    /// Every connector parameter.
    case connector = "connector"
    /// The task-specific adapter: stage 1's A_t, stage 2's own expert (task.0).
    case connectorTask = "connector.task"
    /// The client-specific adapter of stage 1.
    case connectorClient = "connector.client"
    /// Stage 2's cross-task adapters.
    case connectorCross = "connector.cross"
    /// Stage 2's router.
    case connectorRouter = "connector.router"
    /// The text adapter: the (global) LoRA of every decoder layer.
    case llmLoRA = "llm.lora"
    /// FedDPA's local LoRA adapters.
    case llmLocalLoRA = "llm.local_lora"
    /// Every LoRA adapter of the language model: the text adapter and FedDPA's local one.
    case llmAdapters = "llm.adapters"
    /// The frozen language model (everything in `llm.` but the adapters).
    case llmBase = "llm.base"

    /// Whether the parameter called `name` belongs to this group.
    public func contains(_ name: String) -> Bool {
        switch self {
        case .vision: return name.hasPrefix("vision.")
        case .visionMLP: return name.hasPrefix("vision.blocks.") && (name.contains(".fc1.") || name.contains(".fc2."))
        case .connector: return name.hasPrefix("connector.")
        case .connectorTask:
            // Stage 1: connector.task.fc1.weight; stage 2: the own expert connector.task.0.fc1.weight
            // (connector.task.1… are other tasks' frozen adapters).
            guard name.hasPrefix("connector.task.") else { return false }
            let next = name.dropFirst("connector.task.".count).prefix { $0 != "." }
            return Int(next) == nil || next == "0"
        case .connectorClient: return name.hasPrefix("connector.client.")
        case .connectorCross: return name.hasPrefix("connector.cross.")
        case .connectorRouter: return name.hasPrefix("connector.router.")
        case .llmLoRA: return name.hasPrefix("llm.") && (name.hasSuffix(".lora_A") || name.hasSuffix(".lora_B")) && !name.contains("local_lora")
        case .llmLocalLoRA: return name.hasPrefix("llm.") && name.contains(".local_lora_")
        case .llmAdapters: return ParameterGroup.llmLoRA.contains(name) || ParameterGroup.llmLocalLoRA.contains(name)
        case .llmBase: return name.hasPrefix("llm.") && !name.contains("lora_")
        }
    }
}

extension ParameterContainer {
    /// The parameters in `group`, in the container's order.
    public func parameters(in group: ParameterGroup) -> NamedParameters {
        namedParameters().filter { group.contains($0.name) }
    }
}
