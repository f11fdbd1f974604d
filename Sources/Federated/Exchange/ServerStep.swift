import Tensors

/// One server aggregation over client updates, on its own: what `pilot aggregate` runs for an external orchestrator.
///
/// - `fedAvg`: every client receives the data-size-weighted average of all updates (`WeightedAverage`, FedAvg).
/// - `taskAware`: every client receives the average over its task's clients (`TaskAwareAverage`, Pilot Eq. 10).
/// - `ata(k)`: every client receives the average over its k nearest clients in parameter space, itself
///   included (`AdaptiveTextAggregation`, Pilot Eq. 11–12); every tensor of the updates counts as the text adapter.
public enum ServerStep: Hashable, Sendable {
    case fedAvg
    case taskAware
    /// Adaptive text-adapter aggregation with k neighbours.
    case ata(k: Int)

    /// The command-line names.
    public static let names = ["fedavg", "task-aware", "ata"]
    /// ATA's k when none is given: the paper's (6 of 9 clients).
    public static let defaultTopK = 6

    /// The step called `name`; `topK` only for ATA (default `defaultTopK`).
    public static func named(_ name: String, topK: Int?) throws -> ServerStep {
        switch name {
        case "fedavg", "task-aware":
            if topK != nil { throw ExchangeError.topKWithoutATA(strategy: name) }
            return name == "fedavg" ? .fedAvg : .taskAware
        case "ata": return .ata(k: topK ?? defaultTopK)
        default: throw ExchangeError.unknownStrategy(name)
        }
    }

    /// The command-line name.
    public var name: String {
        switch self {
        case .fedAvg: return "fedavg"
        case .taskAware: return "task-aware"
        case .ata: return "ata"
        }
    }

    /// What each client receives, by client index.
    public func aggregate(_ updates: [ClientUpdate]) throws -> [Int: NamedTensors] {
        switch self {
        case .fedAvg:
            let average = try WeightedAverage.average(updates)
            return Dictionary(uniqueKeysWithValues: updates.map { ($0.client, average) })
        case .taskAware:
            let averages = try TaskAwareAverage.average(updates)
            return Dictionary(uniqueKeysWithValues: updates.map { ($0.client, averages[$0.task]!) })
        case let .ata(k):
            return try AdaptiveTextAggregation.aggregate(updates, selection: .nearest(k: k))
        }
    }
}
