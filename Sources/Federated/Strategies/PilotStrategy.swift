import Models
import World

/// Pilot's server ("Pilot: Building the Federated Multimodal Instruction Tuning Framework"):
/// task-aware aggregation of the visual task adapters (Eq. 10) and adaptive text-adapter
/// aggregation of the LoRA (ATA, Eq. 11–12). Client adapters, cross-task adapters and routers
/// never leave their clients. With CT-CLIP (the paper's "Further Remarks", Table 4) the encoder's MLP
/// layers are aggregated per task like the task adapters.
public struct PilotStrategy: Strategy {
    public let options: PilotOptions
    /// The latest aggregated task adapter of every task (names relative to the adapter: fc1.weight, ...).
    public private(set) var taskAdapters: [TaskKind: NamedTensors] = [:]
    /// CT-CLIP: the latest aggregated encoder MLP layers of every task (full names: vision.blocks.0.fc1.weight, ...).
    public private(set) var taskEncoders: [TaskKind: NamedTensors] = [:]

    public init(options: PilotOptions) { self.options = options }

    /// The task adapter (stage 1: connector.task.* or the single connector; stage 2: connector.task.0.*), the LoRA,
    /// and with CT-CLIP the encoder's MLP layers.
    public func uploads(_ name: String, round: Int) -> Bool {
        ParameterGroup.llmLoRA.contains(name) || name.hasPrefix(ClientModel.taskAdapterPrefix(.pilot(options), round: round)!)
            || (options.trainVisionMLP && ParameterGroup.visionMLP.contains(name))
    }

    /// Task adapters averaged per task; LoRA by ATA, same task, or all clients.
    public mutating func aggregate(_ updates: [ClientUpdate], round: Int) throws -> [Int: NamedTensors] {
        let prefix = ClientModel.taskAdapterPrefix(.pilot(options), round: round)!
        let visual = updates.map { u in ClientUpdate(client: u.client, task: u.task, dataSize: u.dataSize,
                                                     parameters: u.parameters.filter { $0.key.hasPrefix(prefix) }.strippingPrefix(prefix)) }
        taskAdapters = try TaskAwareAverage.average(visual)
        if options.trainVisionMLP {
            taskEncoders = try TaskAwareAverage.average(updates.map { u in
                ClientUpdate(client: u.client, task: u.task, dataSize: u.dataSize, parameters: u.parameters.filter { ParameterGroup.vision.contains($0.key) })
            })
        }
        let text = updates.map { u in ClientUpdate(client: u.client, task: u.task, dataSize: u.dataSize,
                                                   parameters: u.parameters.filter { ParameterGroup.llmLoRA.contains($0.key) }) }
        let selection: NeighbourSelection
        switch options.textAggregation {
        case let .nearest(k): selection = .nearest(k: k)
        case let .nearestBySize(k): selection = .nearestBySize(k: k)
        case .sameTask: selection = .sameTask
        case .allClients: selection = .allClients
        }
        let lora = try AdaptiveTextAggregation.aggregate(text, selection: selection)
        // Each client gets its text adapter and its task's aggregated adapter under the name it sent it
        // (the other tasks' adapters reach it through `taskAdapters` when its stage-2 connector is built).
        return Dictionary(uniqueKeysWithValues: updates.map { u in
            var download = lora[u.client]!
            for (name, value) in taskAdapters[u.task]! { download[prefix + name] = value }
            for (name, value) in taskEncoders[u.task] ?? [:] { download[name] = value }
            return (u.client, download)
        })
    }

    /// Task adapters under `task/<task>/`, CT-CLIP's encoder layers under `encoder/<task>/`.
    public var state: NamedTensors {
        var out: NamedTensors = [:]
        for (task, adapter) in taskAdapters { for (name, value) in adapter { out["task/\(task.rawValue)/\(name)"] = value } }
        for (task, encoder) in taskEncoders { for (name, value) in encoder { out["encoder/\(task.rawValue)/\(name)"] = value } }
        return out
    }

    /// Restores the task adapters (and encoder layers).
    public mutating func restore(_ state: NamedTensors) throws {
        taskAdapters = [:]
        taskEncoders = [:]
        for task in TaskKind.allCases {
            let adapter = state.under("task/\(task.rawValue)/"), encoder = state.under("encoder/\(task.rawValue)/")
            if !adapter.isEmpty { taskAdapters[task] = adapter }
            if !encoder.isEmpty { taskEncoders[task] = encoder }
        }
    }
}
