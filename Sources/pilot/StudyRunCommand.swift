import ArgumentParser
import Foundation
import Study
import Tensors

/// `pilot study run`: train what the studies need (skipping finished runs, resuming partial ones), then render their tables and figures.
struct StudyRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run the studies' runs (finished ones skipped, partial ones resumed), then render tables and figures.")

    @OptionGroup var compute: ComputeOptions
    @OptionGroup var selection: StudySelectionOptions
    @OptionGroup var base: BaseOptions
    @OptionGroup var paperRepro: PaperReproOptions
    @Option(help: "Directory of runs (one sub-directory per configuration, shared with `pilot run`).") var runs = "runs"
    @Option(help: "Directory of the rendered tables and figures.") var out = "Figures"
    @Option(help: "Runs trained at once, each in its own process with an equal share of the threads (default: 2 single-threaded workers when there are 2 threads or more, the faster on 2 cores: docs/notes.md).")
    var jobs: Int?
    @Option(help: .hidden) var worker: Int?
    @Option(name: .customLong("run"), help: "Train only this planned run (its directory name or configuration hash, as `pilot study plan` lists them); no rendering. Each task of a Slurm array runs one.")
    var onlyRun: String?

    /// Workers without `--jobs`: the measured optimum on 2 cores; more cores have not been measured.
    static let defaultWorkers = 2

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if onlyRun != nil && (jobs ?? 1) > 1 { throw ValidationError("--run trains one run; it takes no --jobs") }
    }

    func run() throws {
        var plan = try selection.plan(base: base)          // validation comes before any compute
        if let onlyRun { plan = try plan.restricted(to: onlyRun) }
        compute.apply()
        let runsURL = URL(fileURLWithPath: runs)
        let survey = try StudyExecutor.preflight(plan, runs: runsURL)        // before pretraining the base
        let c = survey.counts
        let progress = worker.map { ProgressPrinter(linePrefix: "[worker \($0)] ") } ?? ProgressPrinter()
        if worker == nil {
            progress.update("\(plan.runs.count) distinct runs for \(plan.useCount) row × seed cells: \(c.done) done, \(c.partial) partial, "
                            + "\(c.pending) pending", final: true)
        }
        if c.partial + c.pending > 0 {
            let baseURLs = try base.ensure(seeds: plan.baseSeeds)       // before any worker starts: one process pretrains the bases
            InterruptNotice.install()
            let threads = compute.threads ?? Parallel.threadCount
            let workers = onlyRun != nil || worker != nil ? 1 : min(jobs ?? min(threads, Self.defaultWorkers), c.partial + c.pending)
            if workers > 1 {
                let threads = max(1, threads / workers)
                progress.update("\(workers) worker processes, \(threads) thread\(threads == 1 ? "" : "s") each", final: true)
                try WorkerProcesses(count: workers, threadsEach: threads).run()
            } else {
                try StudyExecutor(plan: plan, runs: runsURL, baseURLs: baseURLs).execute { progress.show($0) }
            }
        }
        if worker != nil || onlyRun != nil { return }         // the process that started the workers (or the render job) renders
        let files = try StudyRenderer().render(plan, runs: runsURL, into: URL(fileURLWithPath: out), report: paperRepro.report(for: plan))
        print(StudyRenderer.summary(of: files, out: out))
        if plan.studies.contains(where: \.isTuning) {
            _ = try StudyTuningCommand.report(try StudyRenderer.tuningSelections(plan, runs: runsURL))
        }
    }
}

extension ProgressPrinter {
    /// Shows the executor's progress: run i/N, round, client, step, loss and the overall ETA.
    func show(_ p: ExecutionProgress) {
        let run = "run \(p.runNumber)/\(p.runCount) \(p.run.directoryName)"
        let rounds = p.run.config.rounds
        switch p.event {
        case let .started(resumedAfter):
            let uses = p.run.uses.map(\.description).joined(separator: ", ")
            update("\(run): \(resumedAfter > 0 ? "resuming after round \(resumedAfter)" : "starting") (\(uses))", final: true)
        case let .step(round, client, step, steps, loss):
            // A worker's pace covers only its share of the runs: it shows no ETA for the whole plan.
            let eta = isWorker ? "" : "  ETA " + (p.estimatedSecondsLeft.map(ProgressPrinter.duration) ?? "?")
            update("\(run)  round \(round)/\(rounds)  client \(client)  step \(step)/\(steps)  loss \(String(format: "%.3f", loss))\(eta)")
        case let .roundFinished(round, mean, seconds):
            update("\(run)  round \(round)/\(rounds) done in \(ProgressPrinter.duration(seconds)): mean validation score \(String(format: "%.1f", mean))",
                   final: true)
        case .finished:
            break
        case let .claimedElsewhere(holder):
            update("\(run): trained by \(holder); taking the next one", final: true)
        case let .waiting(holder):
            update("\(run): waiting for \(holder) to finish it", final: true)
        case .finishedElsewhere:
            update("\(run): finished by another process", final: true)
        }
    }
}
