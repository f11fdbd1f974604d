import Federated

/// A component of Pilot that an ablation switches on or off (docs/design.md, Table 3).
public enum PilotComponent: String, CaseIterable, Codable, Hashable, Sendable {
    /// Adaptive text-adapter aggregation; off: the LoRA is averaged over all clients (FedAvg).
    case adaptiveTextAggregation
    /// Stage 2's cross-task adapters; off: the CT-MoA mixes the other tasks' frozen adapters directly.
    case crossTaskAdapters
    /// Stage 2's load-balance and z losses; off: the router trains on the LM loss alone.
    case auxiliaryLosses
    /// Stage 1's client adapter and difference loss; off: the connector is one adapter.
    case differenceLoss

    /// The paper's name for it in row labels.
    public var label: String {
        switch self {
        case .adaptiveTextAggregation: return "ATA"
        case .crossTaskAdapters: return "cross-task adapter"
        case .auxiliaryLosses: return "aux loss"
        case .differenceLoss: return "difference loss"
        }
    }

    /// `options` with this component switched off; on, it keeps `full`'s setting.
    public func set(_ on: Bool, in options: inout PilotOptions, full: PilotOptions) {
        switch self {
        case .adaptiveTextAggregation: options.textAggregation = on ? full.textAggregation : .allClients
        case .crossTaskAdapters: options.crossTaskAdapters = on && full.crossTaskAdapters
        case .auxiliaryLosses: options.auxiliaryLosses = on && full.auxiliaryLosses
        case .differenceLoss: options.differenceLoss = on && full.differenceLoss
        }
    }
}
