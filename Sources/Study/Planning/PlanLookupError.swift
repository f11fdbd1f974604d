/// A run asked for by name that the plan does not hold exactly once.
public struct PlanLookupError: Error, CustomStringConvertible {
    /// The name asked for.
    public let name: String
    /// Runs it matched (0, or more than one for a short hash prefix).
    public let matches: Int
    /// The plan's scale, since a run's name depends on it.
    public let scale: String

    public var description: String {
        matches == 0
            ? "no run named \(name) in the plan of these studies at scale \(scale) (see `pilot study plan`)"
            : "\(name) names \(matches) runs of the plan; give the whole directory name"
    }
}
