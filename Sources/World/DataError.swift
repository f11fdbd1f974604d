/// What can go wrong when a data set or scenario is asked for.
public enum DataError: Error, CustomStringConvertible, Equatable {
    /// A scale preset name that does not exist.
    case unknownScale(String, valid: [String])
    /// A task name that does not exist.
    case unknownTask(String, valid: [String])
    /// A scenario name that does not exist.
    case unknownScenario(String, valid: [String])
    /// A split parameter out of range.
    case invalidSplit(String)

    /// One line naming the problem.
    public var description: String {
        switch self {
        case let .unknownScale(name, valid): return "unknown scale '\(name)' (valid: \(valid.joined(separator: ", ")))"
        case let .unknownTask(name, valid): return "unknown task '\(name)' (valid: \(valid.joined(separator: ", ")))"
        case let .unknownScenario(name, valid): return "unknown scenario '\(name)' (valid: \(valid.joined(separator: ", ")))"
        case let .invalidSplit(problem): return "invalid client split: \(problem)"
        }
    }
}
