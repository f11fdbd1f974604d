/// Local training: clients never communicate (the paper's "Local" row).
public struct LocalStrategy: Strategy {
    /// A strategy that sends nothing.
    public init() {}
    /// Nothing goes up.
    public func uploads(_ name: String, round: Int) -> Bool { false }
    /// Nothing comes back.
    public mutating func aggregate(_ updates: [ClientUpdate], round: Int) throws -> [Int: NamedTensors] { [:] }
    /// No server state.
    public var state: NamedTensors { [:] }
    /// Nothing to restore.
    public mutating func restore(_ state: NamedTensors) throws {}
}
