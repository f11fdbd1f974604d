import ArgumentParser
import Foundation
import Study
import Training

/// `pilot study submit --slurm`: every unfinished run of the studies as a Slurm job, then a job that renders the results.
struct StudySubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit the studies' unfinished runs to Slurm (a base job, an array of runs, a render job); resubmit to finish what is left.")

    @OptionGroup var selection: StudySelectionOptions
    @OptionGroup var base: BaseOptions
    @OptionGroup var paperRepro: PaperReproOptions
    @Flag(help: "Submit to Slurm with sbatch (the only scheduler supported).") var slurm = false
    @Option(help: "Directory of runs, on a file system every node shares; job scripts go to RUNS/slurm.") var runs = "runs"
    @Option(help: "Directory of the rendered tables and figures (written by the render job).") var out = "Figures"
    @Option(help: "Slurm partition (default: the cluster's).") var partition: String?
    @Option(help: "Time limit of each job, in Slurm's format (e.g. 02:00:00; default: the partition's).") var time: String?
    @Option(help: "CPUs per task; each job trains with this many threads.") var cpusPerTask = 2
    @Option(name: .customLong("sbatch-arg"), help: "An extra sbatch option for every job, e.g. --sbatch-arg=--mem=4G (repeatable).")
    var sbatchArguments: [String] = []

    func validate() throws {
        guard slurm else { throw ValidationError("say where to submit: --slurm (the only scheduler supported)") }
        guard cpusPerTask >= 1 else { throw ValidationError("--cpus-per-task must be at least 1, got \(cpusPerTask)") }
    }

    func run() throws {
        let plan = try selection.plan(base: base)
        guard let sbatch = Sbatch.locate() else { throw SlurmError.noSbatch }
        let runsURL = URL(fileURLWithPath: runs).standardizedFileURL
        let survey = try StudyExecutor.preflight(plan, runs: runsURL)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let options = SlurmOptions(partition: partition, timeLimit: time, cpusPerTask: cpusPerTask, extraArguments: sbatchArguments)
        let submission = SlurmSubmission(directory: runsURL.appendingPathComponent("slurm"), options: options,
                                          stamp: formatter.string(from: Date()))
        let queue = Sbatch(executable: sbatch)
        let queued = submission.queuedRuns(with: queue)
        let unfinished = plan.runs.indices.filter { survey.statuses[$0] != .done }
        let running = unfinished.filter { survey.holders[$0] != nil }
        let waiting = unfinished.filter { survey.holders[$0] == nil && queued[plan.runs[$0].directoryName] != nil }
        let toSubmit = unfinished.filter { survey.holders[$0] == nil && queued[plan.runs[$0].directoryName] == nil }
            .map { plan.runs[$0].directoryName }
        let pilot = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let baseFiles = try plan.baseSeeds.map {
            URL(fileURLWithPath: base.baseDirectory).appendingPathComponent(try BaseModel.fileName(for: base.seeded($0).config))
        }
        let needsBase = base.baseFile == nil && !toSubmit.isEmpty && baseFiles.contains { !FileManager.default.fileExists(atPath: $0.path) }
        let threads = ["--threads", "\(cpusPerTask)"]
        let work = SlurmSubmission.Work(
            pretrain: needsBase ? [pilot, "pretrain"] + base.arguments + ["--bases", "\(plan.baseSeeds.count)"] + threads : nil,
            runs: toSubmit,
            trainOne: [pilot, "study", "run"] + selection.arguments + base.arguments + ["--runs", runsURL.path] + threads + ["--run"],
            render: [pilot, "study", "run"] + selection.arguments + base.arguments + ["--runs", runsURL.path,
                     "--out", URL(fileURLWithPath: out).standardizedFileURL.path] + paperRepro.arguments + ["--jobs", "1"] + threads,
            renderAlsoAfter: Array(Set(waiting.map { queued[plan.runs[$0].directoryName]! })).sorted())
        let jobs = try submission.submit(work, with: queue)
        print("\(plan.runs.count) distinct runs: \(plan.runs.count - unfinished.count) done, \(running.count) being trained now, "
              + "\(waiting.count) queued by an earlier submission (neither submitted again), \(toSubmit.count) submitted")
        for job in jobs {
            let what: String
            switch job.role {
            case "base": what = "pretrains the base"
            case "runs": what = "array of \(toSubmit.count) run\(toSubmit.count == 1 ? "" : "s") (\(submission.runListFile.lastPathComponent))"
            default: what = "renders tables, figures and the paper comparison into \(out) (after the runs' jobs end)"
            }
            print("job \(job.id): \(what) — \(job.script.path)")
        }
        print("follow with `squeue`, or `pilot study status --runs \(runs)`; job output in \(submission.directory.path)/logs")
    }
}
