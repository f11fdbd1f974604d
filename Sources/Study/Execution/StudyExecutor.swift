import Federated
import Foundation

/// Trains every run of a plan that is not finished in the runs directory, resuming partial ones.
///
/// Runs checkpoint after every round (atomically), so an interrupted execution loses at most the
/// round in progress; running again skips finished runs and resumes the partial one.
public struct StudyExecutor {
    public let plan: StudyPlan
    /// The runs directory (one sub-directory per run, as `pilot run` names them).
    public let runs: URL
    /// The pretrained bases' files by base seed.
    public let baseURLs: [UInt64: URL]

    /// An executor of `plan` into `runs`, starting each run from the file of its base's seed in `baseURLs`.
    public init(plan: StudyPlan, runs: URL, baseURLs: [UInt64: URL]) {
        precondition(plan.baseSeeds.allSatisfy { baseURLs[$0] != nil }, "a file for every base of the plan")
        self.plan = plan
        self.runs = runs
        self.baseURLs = baseURLs
    }

    /// An executor of a one-base `plan`, starting every run from the base at `baseURL`.
    public init(plan: StudyPlan, runs: URL, baseURL: URL) {
        self.init(plan: plan, runs: runs, baseURLs: Dictionary(uniqueKeysWithValues: plan.baseSeeds.map { ($0, baseURL) }))
    }

    /// `plan`'s status in `runs`; throws when a run directory holds a checkpoint that cannot be resumed.
    public static func preflight(_ plan: StudyPlan, runs: URL) throws -> PlanSurvey {
        let survey = PlanSurvey(plan: plan, runs: runs)
        for (run, status) in zip(plan.runs, survey.statuses) {
            if case let .unusable(why) = status { throw ExecutionError.unusableRun(run: run.directoryName, reason: why) }
        }
        return survey
    }

    /// Runs what is left; returns how many runs this process trained. Throws before training when a run directory holds an
    /// unusable checkpoint.
    ///
    /// Each run is trained under its `RunClaim`, so several executors (processes, hosts sharing the runs directory) can work
    /// through one plan: a run claimed elsewhere is passed over, then waited for at the end, and trained here only if its
    /// holder stopped before the last round. Every run is thus trained once, by whoever claims it first.
    @discardableResult
    public func execute(onProgress: (ExecutionProgress) -> Void = { _ in }) throws -> Int {
        let survey = try Self.preflight(plan, runs: runs)
        let todo = plan.runs.indices.filter { survey.statuses[$0] != .done }
        let start = Date()
        var stepsDone = 0, trained = 0
        var claimedElsewhere: [(number: Int, index: Int)] = []
        func report(_ index: Int, _ number: Int, _ event: ExecutionProgress.Event) {
            if case .step = event { stepsDone += 1 }
            onProgress(ExecutionProgress(run: plan.runs[index], runNumber: number, runCount: todo.count, event: event,
                                         stepsDone: stepsDone, stepsToDo: survey.remainingSteps, elapsed: Date().timeIntervalSince(start)))
        }
        for (offset, index) in todo.enumerated() {
            let directory = plan.runs[index].directory(in: runs)
            guard let claim = try RunClaim.acquire(directory) else {
                report(index, offset + 1, .claimedElsewhere(holder: RunClaim.holder(of: directory) ?? "another process"))
                claimedElsewhere.append((offset + 1, index))
                continue
            }
            if try train(index, claim: claim, report: { report(index, offset + 1, $0) }) { trained += 1 }
        }
        for (number, index) in claimedElsewhere {
            let directory = plan.runs[index].directory(in: runs)
            if plan.runs[index].inspect(in: runs).status != .done {
                report(index, number, .waiting(holder: RunClaim.holder(of: directory) ?? "another process"))
            }
            guard let claim = try RunClaim.acquire(directory, wait: true) else { continue }
            if try train(index, claim: claim, report: { report(index, number, $0) }) { trained += 1 }
        }
        return trained
    }

    /// Trains plan run `index` under `claim` unless it is already done (another executor finished it); returns whether it trained.
    private func train(_ index: Int, claim: RunClaim, report: (ExecutionProgress.Event) -> Void) throws -> Bool {
        defer { claim.release() }
        let run = plan.runs[index]
        switch run.inspect(in: runs).status {
        case .done:
            report(.finishedElsewhere)
            return false
        case let .unusable(why):
            throw ExecutionError.unusableRun(run: run.directoryName, reason: why)
        case .pending, .partial:
            break
        }
        let runner = try FederatedRunner(config: run.config, baseURL: baseURLs[run.config.base.seed]!, directory: claim.directory)
        report(.started(resumedAfter: runner.history.rounds))
        var names = runner.scenario.clients.map(\.name)
        if case .centralized = run.config.method { names = ["all clients"] }      // one model trains on everyone's data
        try runner.run { event in
            switch event {
            case .resumed: break
            case let .step(round, client, record):
                report(.step(round: round, client: names[client], step: record.step + 1, steps: record.totalSteps, loss: record.loss))
            case let .roundFinished(round, scores, seconds):
                report(.roundFinished(round: round, meanValidationScore: scores.reduce(0, +) / Double(max(scores.count, 1)), seconds: seconds))
            }
        }
        report(.finished)
        return true
    }
}

/// Why an execution cannot start.
public enum ExecutionError: Error, CustomStringConvertible {
    /// A run directory holds a checkpoint the executor cannot resume.
    case unusableRun(run: String, reason: String)

    /// One line.
    public var description: String {
        switch self {
        case let .unusableRun(run, reason): return "run \(run) cannot be resumed: \(reason)"
        }
    }
}
