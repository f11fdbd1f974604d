import Federated

extension Method {
    /// Pilot with the paper's settings changed by `configure`, e.g. `.pilot { $0.textAggregation = .nearest(k: 5) }`.
    public static func pilot(_ configure: (inout PilotOptions) -> Void) -> Method {
        var options = PilotOptions()
        configure(&options)
        return .pilot(options)
    }

    /// Pilot's options when this is Pilot.
    public var pilotOptions: PilotOptions? {
        if case let .pilot(options) = self { return options }
        return nil
    }
}
