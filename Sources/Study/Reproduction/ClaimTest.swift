import Training
import World

/// How one claim is measured on one study's results; every effect is oriented so that a positive value supports the claim.
public enum ClaimTest: Hashable, Sendable {
    /// `better` above `worse` on the mean over tasks of the per-task normalised scores (`StudyResults.normalisedMeanOverTasks`).
    case rowAbove(better: String, worse: String)
    /// `better` above `worse` on one task's mean over its clients, in the task's own metric.
    case rowAboveOnTask(better: String, worse: String, task: TaskKind)
    /// `higher`'s cost above `lower`'s, per client.
    case costAbove(higher: String, lower: String, measure: CostMeasure)
    /// A test our design cannot carry out, and why.
    indirect case unmeasurable(ClaimTest, reason: String)

    /// What the effect is, for a reader: "Local − FedAvg, normalised mean over tasks".
    public var effectDescription: String {
        switch self {
        case let .rowAbove(better, worse): return "\(better) − \(worse), normalised mean over tasks"
        case let .rowAboveOnTask(better, worse, task): return "\(better) − \(worse) on \(task.paperName) (\(TaskMetric.name(of: task)))"
        case let .costAbove(higher, lower, measure): return "\(measure.rawValue) of \(higher) − \(lower), floats per client"
        case let .unmeasurable(test, _): return test.effectDescription
        }
    }

    /// The row labels the test reads.
    public var rowLabels: [String] {
        switch self {
        case let .rowAbove(better, worse), let .rowAboveOnTask(better, worse, _): return [better, worse]
        case let .costAbove(higher, lower, _): return [higher, lower]
        case .unmeasurable: return []
        }
    }
}
