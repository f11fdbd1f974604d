import Models
import NN
import Tensors
import World

/// Puts one client's parameters and connector structure into the run's shared model.
///
/// The frozen encoder and language model are the same for every client, so a run keeps one model
/// and swaps in what a client owns (connector, LoRA, private parts) as a named tensor set.
enum ClientModel {
    /// The name prefix of the task adapter in the connector a method uses in `round` (1-based).
    static func taskAdapterPrefix(_ method: Method, round: Int) -> String? {
        guard case let .pilot(options) = method else { return nil }
        if round >= 2 { return "connector.task.0." }
        return options.differenceLoss ? "connector.task." : "connector."
    }

    /// Builds the connector `method` uses in `round` for a client of `task` from its state and the server's task adapters.
    static func install(_ method: Method, round: Int, task: TaskKind, tasks: [TaskKind], state: NamedTensors,
                        taskAdapters: [TaskKind: NamedTensors], base: MLPAdapter, into model: MultimodalModel,
                        rng: inout RandomStream) throws {
        let config = model.config
        func adapter(_ values: NamedTensors?) throws -> MLPAdapter {
            let a = MLPAdapter(copying: base)
            if let values { try a.load(values) }
            return a
        }
        switch method {
        case let .pilot(options) where round >= 2:
            let own = try adapter(taskAdapters[task])
            let others = try tasks.filter { $0 != task }.map { try adapter(taskAdapters[$0]) }
            let client = options.differenceLoss ? try adapter(state.under("connector.client.")) : nil
            let connector = CTMoAConnector(ownTask: own, otherTasks: others, client: client, options: options.connectorOptions,
                                           config: config, rng: &rng)
            model.connector = connector
            // Cross-task adapters and router persist on the client from the first stage-2 round on.
            let persistent = state.filter { ParameterGroup.connectorCross.contains($0.key) || ParameterGroup.connectorRouter.contains($0.key) }
            if !persistent.isEmpty { try model.connector.load(persistent.strippingPrefix("connector."), allowMissing: true) }
        case let .pilot(options):
            model.connector = options.differenceLoss ? PilotStage1Connector(initialisedFrom: base, form: options.differenceForm)
                                                     : MLPAdapter(copying: base)
            model.connector.setTrainable(true)
            try model.connector.load(state.under("connector.", keepPrefix: false), allowMissing: true)
        default:
            model.connector = MLPAdapter(copying: base)
            model.connector.setTrainable(true)
            try model.connector.load(state.under("connector.", keepPrefix: false), allowMissing: true)
        }
        try model.llm.load(state.under("llm.", keepPrefix: false), allowMissing: true)
        // CT-CLIP: the client's own encoder MLP layers (absent from every state otherwise).
        try model.vision.load(state.under("vision.", keepPrefix: false), allowMissing: true)
    }

    /// What a client owns after training: every connector and adapter parameter of the model, and the
    /// encoder's MLP layers when they train (CT-CLIP).
    static func state(of model: MultimodalModel) -> NamedTensors {
        var out = model.parameterValues().filter { ParameterGroup.connector.contains($0.key) || ParameterGroup.llmAdapters.contains($0.key) }
        for (name, variable) in model.vision.namedParameters(prefix: "vision") where variable.requiresGrad { out[name] = variable.value }
        return out
    }
}

extension Dictionary where Key == String, Value == Tensor {
    /// Entries whose names start with `prefix`, with the prefix removed (or kept).
    func under(_ prefix: String, keepPrefix: Bool = false) -> [String: Tensor] {
        var out: [String: Tensor] = [:]
        for (name, value) in self where name.hasPrefix(prefix) { out[keepPrefix ? name : String(name.dropFirst(prefix.count))] = value }
        return out
    }

    /// The same entries with `prefix` removed from names that have it.
    func strippingPrefix(_ prefix: String) -> [String: Tensor] {
        Dictionary(uniqueKeysWithValues: map { ($0.key.hasPrefix(prefix) ? String($0.key.dropFirst(prefix.count)) : $0.key, $0.value) })
    }
}
