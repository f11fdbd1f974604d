import NN

/// Parameter accounting of a model: total, trainable, activated per forward pass (AP), by component.
public struct ParameterCount: Equatable, Sendable, CustomStringConvertible {
    public let total: Int
    /// Parameters that currently require gradients.
    public let trainable: Int
    /// Parameters a forward pass uses (the paper's AP): all of them, since the CT-MoA is dense.
    public let activated: Int
    /// Totals of the vision encoder, connector, frozen language model and its adapters.
    public let vision: Int, connector: Int, llmBase: Int, llmAdapters: Int

    public init(_ model: MultimodalModel) {
        let all = model.namedParameters()
        func count(_ keep: (String) -> Bool) -> Int { all.filter { keep($0.name) }.reduce(0) { $0 + $1.variable.value.count } }
        total = count { _ in true }
        trainable = all.filter { $0.variable.requiresGrad }.reduce(0) { $0 + $1.variable.value.count }
        activated = total
        vision = count(ParameterGroup.vision.contains)
        connector = count(ParameterGroup.connector.contains)
        llmBase = count(ParameterGroup.llmBase.contains)
        llmAdapters = count(ParameterGroup.llmAdapters.contains)
    }

    /// One line with every figure.
    public var description: String {
        "total \(total), trainable \(trainable), activated \(activated) (vision \(vision), connector \(connector), LLM \(llmBase), LLM adapters \(llmAdapters))"
    }
}
