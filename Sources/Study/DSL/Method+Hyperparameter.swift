import Federated

extension Method {
    /// The setting a grid varies besides the learning rate, as labels show it ("μ 0.01"); nil when there is none.
    public var hyperparameterText: String? {
        switch self {
        case let .fedProx(mu): return "μ \(mu)"
        case let .fedAdam(rate): return "η \(rate)"
        case let .fedDPA(weight): return "λ \(weight)"
        default: return nil
        }
    }
}
