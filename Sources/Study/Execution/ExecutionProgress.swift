/// What the executor reports while it works: which run of how many, what happened, and the overall pace.
public struct ExecutionProgress: Sendable {
    public enum Event: Sendable {
        /// A run starts; `resumedAfter` rounds were already in its checkpoint.
        case started(resumedAfter: Int)
        /// A local optimisation step of `client` in `round`.
        case step(round: Int, client: String, step: Int, steps: Int, loss: Float)
        /// A round ended with this mean client validation score.
        case roundFinished(round: Int, meanValidationScore: Double, seconds: Double)
        /// The run's last round is checkpointed.
        case finished
        /// Another process holds the run's claim (`holder`: "pid 12 on node3"); this one goes on with the others first.
        case claimedElsewhere(holder: String)
        /// Every other run is done; this process waits for the claim's holder to finish or stop.
        case waiting(holder: String)
        /// Another process finished the run while this one was busy: nothing to do.
        case finishedElsewhere
    }

    public let run: PlannedRun
    /// 1-based position among the runs this execution trains.
    public let runNumber: Int
    /// Runs this execution trains (finished ones excluded).
    public let runCount: Int
    public let event: Event
    /// Local steps done so far by this execution.
    public let stepsDone: Int
    /// Local steps this execution has to do in all.
    public let stepsToDo: Int
    /// Seconds since the execution started.
    public let elapsed: Double

    /// Seconds left at the pace so far (evaluation included); nil before the first step.
    public var estimatedSecondsLeft: Double? {
        guard stepsDone > 0 else { return nil }
        return elapsed / Double(stepsDone) * Double(max(stepsToDo - stepsDone, 0))
    }
}
