import Models

/// The federated methods of the paper's tables: Pilot and the six baselines.
public enum Method: Codable, Hashable, Sendable {
    /// Each client trains alone.
    case local
    /// One model on the union of all clients' data.
    case centralized
    /// FedAvg (McMahan et al. 2017).
    case fedAvg
    /// FedProx (Li et al. 2020) with proximal coefficient μ.
    case fedProx(mu: Float)
    /// FedAdam (Reddi et al. 2021) with server learning rate η (β1 0.9, β2 0.99, τ 1e-3).
    case fedAdam(serverLearningRate: Float)
    /// FedDPA (Yang et al. 2024): global LoRA aggregated, local LoRA private; training mixes them with λ =
    /// `localWeight`, inference with each test instance's own λ ≤ `localWeight` (`FedDPAInstanceWeight`).
    case fedDPA(localWeight: Float)
    /// Shepherd (Zhang et al. 2024): FedAvg of the LoRA only; the connector stays local.
    case shepherd
    /// Pilot with its switches.
    case pilot(PilotOptions)

    /// Short name for files and tables.
    public var name: String {
        switch self {
        case .local: return "local"
        case .centralized: return "centralized"
        case .fedAvg: return "fedavg"
        case .fedProx: return "fedprox"
        case .fedAdam: return "fedadam"
        case .fedDPA: return "feddpa"
        case .shepherd: return "shepherd"
        case .pilot: return "pilot"
        }
    }

    /// The method called `name` with its default settings.
    public static func named(_ name: String) -> Method? {
        switch name {
        case "local": return .local
        case "centralized": return .centralized
        case "fedavg": return .fedAvg
        case "fedprox": return .fedProx(mu: Defaults.fedProxMu)
        case "fedadam": return .fedAdam(serverLearningRate: Defaults.fedAdamServerLearningRate)
        case "feddpa": return .fedDPA(localWeight: Defaults.fedDPAMaximumLocalWeight)
        case "shepherd": return .shepherd
        case "pilot": return .pilot(PilotOptions())
        default: return nil
        }
    }

    public static let names = ["local", "centralized", "fedavg", "fedprox", "fedadam", "feddpa", "shepherd", "pilot"]
}
