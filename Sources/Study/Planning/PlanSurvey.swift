import Federated
import Foundation

/// Where a plan stands in a runs directory: each run's status, the work left and an estimate of its time.
public struct PlanSurvey: Sendable {
    /// Status of each of the plan's runs, in plan order.
    public let statuses: [RunStatus]
    /// Who trains each unfinished run now ("pid 12 on node3", from its `RunClaim`), in plan order; nil when nobody does.
    public let holders: [String?]
    /// Local steps still to run (pending runs whole, partial runs' remaining rounds).
    public let remainingSteps: Int
    /// Local steps of the whole plan.
    public let totalSteps: Int
    /// Seconds per local step (evaluation included) measured by the checkpoints found; nil when none has a round.
    public let secondsPerStep: Double?
    /// Mean seconds of a run's first start (`RunHistory.setupSeconds`) over the checkpoints that recorded one; nil when none did.
    public let secondsPerStart: Double?

    /// Inspects every run of `plan` in `runs`.
    public init(plan: StudyPlan, runs: URL) {
        var statuses: [RunStatus] = [], holders: [String?] = [], remaining = 0, seconds = 0.0, measuredSteps = 0
        var firstStarts: [Double] = []
        for run in plan.runs {
            let (status, record) = run.inspect(in: runs)
            statuses.append(status)
            holders.append(status == .done ? nil : RunClaim.holder(of: run.directory(in: runs)))
            let done = record?.completedRounds ?? 0
            remaining += run.stepsPerRound * max(run.config.rounds - done, 0)
            if let record, done > 0 {
                seconds += record.history.seconds.reduce(0, +)
                measuredSteps += run.stepsPerRound * done
            }
            if let first = record?.history.setupSeconds.first { firstStarts.append(first) }
        }
        self.statuses = statuses
        self.holders = holders
        remainingSteps = remaining
        totalSteps = plan.runs.reduce(0) { $0 + $1.totalSteps }
        secondsPerStep = measuredSteps > 0 ? seconds / Double(measuredSteps) : nil
        secondsPerStart = firstStarts.isEmpty ? nil : firstStarts.reduce(0, +) / Double(firstStarts.count)
    }

    /// How many runs have each status kind: done, partial, pending, unusable.
    public var counts: (done: Int, partial: Int, pending: Int, unusable: Int) {
        statuses.reduce(into: (0, 0, 0, 0)) { c, s in
            switch s {
            case .done: c.0 += 1
            case .partial: c.1 += 1
            case .pending: c.2 += 1
            case .unusable: c.3 += 1
            }
        }
    }

    /// Runs not finished (each starts once more: data preparation, and for a pending run the starting model's scoring).
    public var unfinishedRuns: Int { statuses.count - counts.done }

    /// Unfinished runs that a process is training now.
    public var runningCount: Int { holders.compactMap { $0 }.count }

    /// Run `index`'s status as `pilot study plan` and `status` print it: "running (pid 12 on node3), partial (1/3 rounds)", "done", …
    public func label(_ index: Int, rounds: Int) -> String {
        let status = statuses[index].label(rounds: rounds)
        return holders[index].map { "running (\($0)), \(status)" } ?? status
    }

    /// The remaining time at the measured pace, when there is one: the steps left, and one start per unfinished run
    /// (a first start costs more than a resumption, which is counted as one too).
    public var estimatedSeconds: Double? {
        secondsPerStep.map { $0 * Double(remainingSteps) + (secondsPerStart ?? 0) * Double(unfinishedRuns) }
    }
}
