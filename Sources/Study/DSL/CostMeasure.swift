/// A per-client cost column of Table 4.
public enum CostMeasure: String, CaseIterable, Codable, Hashable, Sendable {
    /// AP: parameters activated by one client's forward pass.
    case activatedParameters = "AP"
    /// CP: parameters one client sends to the server per round.
    case communicatedParameters = "CP"

    /// What the column means, for captions.
    public var caption: String {
        switch self {
        case .activatedParameters: return "parameters activated per client forward"
        case .communicatedParameters: return "parameters sent to the server per client per round"
        }
    }
}
