import Models

/// Pilot's switchable components (Tables 3, 5, 6 and docs/design.md).
public struct PilotOptions: Codable, Hashable, Sendable {
    /// Stage 1's client adapter and difference loss (off: one adapter).
    public var differenceLoss = true
    /// Which reading of the difference loss: the released code's (default) or docs/design.md's per-token form.
    public var differenceForm: PilotStage1Connector.DifferenceForm = .sampleCorrelation
    /// Stage 2's cross-task adapters beside the other tasks' experts.
    public var crossTaskAdapters = true
    /// Stage 2's load-balance and z losses.
    public var auxiliaryLosses = true
    /// How text adapters are aggregated: ATA top-k (paper k = 6), same-task clients, or all clients (FedAvg).
    public var textAggregation: TextAggregation = .nearest(k: 6)
    /// Cross-task adapters start from the local task adapter (else random; Table 6).
    public var crossInitFromLocal = true
    /// The stage-1 client adapter stays (frozen) in stage 2's forward pass.
    public var keepClientAdapter = true
    /// CT-CLIP (Table 4): the vision encoder's MLP layers train and are aggregated per task, like the task adapters.
    public var trainVisionMLP = false
    /// Stage 2's local learning rate as a multiple of stage 1's (the run's rate): the paper's 4e-5 / 2e-5.
    public var stageTwoRateFactor: Float = 2

    /// Text-adapter aggregation choices.
    public enum TextAggregation: Codable, Hashable, Sendable {
        /// ATA: each client averages its k nearest clients' LoRA (itself included), weighted by distance.
        case nearest(k: Int)
        /// The same k nearest clients weighted by data size (Table 5's extra row).
        case nearestBySize(k: Int)
        /// Each client averages the LoRA of its task's clients.
        case sameTask
        /// Everyone gets the average over all clients (FedAvg of the LoRA; "without ATA").
        case allClients
    }

    /// Full Pilot as the paper configures it.
    public init() {}

    /// The stage-2 connector's options these switches imply.
    public var connectorOptions: CTMoAConnector.Options {
        var o = CTMoAConnector.Options()
        o.crossTaskAdapters = crossTaskAdapters
        o.crossInitFromLocal = crossInitFromLocal
        o.keepClientAdapter = keepClientAdapter && differenceLoss
        if !auxiliaryLosses { o.balanceWeight = 0; o.zLossWeight = 0 }
        return o
    }
}
