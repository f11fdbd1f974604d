/// How far a planned run has got in the runs directory.
public enum RunStatus: Hashable, Sendable {
    /// No checkpoint yet.
    case pending
    /// A checkpoint after `completedRounds` of the run's rounds: the executor resumes it.
    case partial(completedRounds: Int)
    /// Every round done: the executor skips it.
    case done
    /// The directory holds a checkpoint that cannot be resumed (another configuration, unreadable).
    case unusable(String)

    /// "done", "partial (1/3 rounds)", …
    public func label(rounds: Int) -> String {
        switch self {
        case .pending: return "pending"
        case let .partial(done): return "partial (\(done)/\(rounds) rounds)"
        case .done: return "done"
        case let .unusable(why): return "unusable: \(why)"
        }
    }
}
