extension Method {
    /// The server side of this method. `initial` is what every client starts from (FedAdam's first global).
    func makeStrategy(initial: NamedTensors) -> any Strategy {
        switch self {
        case .local, .centralized: return LocalStrategy()
        case .fedAvg: return FedAvgStrategy()
        case let .fedProx(mu): return FedProxStrategy(mu: mu)
        case .shepherd: return ShepherdStrategy()
        case .fedDPA: return FedDPAStrategy()
        case let .fedAdam(rate): return FedAdamStrategy(serverLearningRate: rate, initial: initial)
        case let .pilot(options): return PilotStrategy(options: options)
        }
    }
}
