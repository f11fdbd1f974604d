import Foundation
import Report

/// One submission of a plan to Slurm: a job per missing base, an array job with one task per unfinished run (after the
/// base), and a render job (after the array). Scripts and the array's run list are written under `directory` first,
/// so what was queued can always be read back.
public struct SlurmSubmission {
    /// What to submit.
    public struct Work {
        /// The command that pretrains the missing base; nil when the base exists.
        public var pretrain: [String]?
        /// Run directory names to train, one array task each.
        public var runs: [String]
        /// The command that trains one run; the task's run name is appended.
        public var trainOne: [String]
        /// The command that renders the tables and figures (training, or waiting for, whatever is still unfinished).
        public var render: [String]
        /// Jobs of earlier submissions whose tasks are still queued: the render job waits for them too.
        public var renderAlsoAfter: [String]

        public init(pretrain: [String]?, runs: [String], trainOne: [String], render: [String], renderAlsoAfter: [String] = []) {
            self.pretrain = pretrain
            self.runs = runs
            self.trainOne = trainOne
            self.render = render
            self.renderAlsoAfter = renderAlsoAfter
        }
    }

    /// A job in the queue.
    public struct Job: Equatable, Sendable {
        /// "base", "runs" or "render".
        public let role: String
        /// Slurm's job id.
        public let id: String
        /// The script submitted.
        public let script: URL
    }

    /// `RUNS/slurm`: scripts, run lists and (`logs/`) the jobs' output.
    public let directory: URL
    /// Resources of every job.
    public let options: SlurmOptions
    /// Files are named `<stamp>-<role>.sh` so that resubmissions never overwrite what an earlier one queued.
    public let stamp: String

    public init(directory: URL, options: SlurmOptions, stamp: String) {
        self.directory = directory
        self.options = options
        self.stamp = stamp
    }

    /// The scripts of `work`, by role, in submission order.
    public func scripts(for work: Work) -> [(role: String, script: SlurmJobScript)] {
        let log = directory.appendingPathComponent("logs").path
        var out: [(String, SlurmJobScript)] = []
        if let pretrain = work.pretrain {
            out.append(("base", SlurmJobScript(
                name: "pilot-base", directives: options.directives + ["--output=\(log)/%x-%j.out"],
                purpose: "Pretrains the base every run starts from (the runs' array waits for it).", command: pretrain)))
        }
        if !work.runs.isEmpty {
            let list = runListFile.path
            out.append(("runs", SlurmJobScript(
                name: "pilot-runs",
                directives: options.directives + ["--array=0-\(work.runs.count - 1)", "--requeue", "--open-mode=append",
                                                  "--output=\(log)/%x-%A_%a.out"],
                purpose: "One federated run per array task, named by line \(work.runs.count == 1 ? "1" : "1…\(work.runs.count)") of \(runListFile.lastPathComponent); "
                    + "a requeued or preempted task resumes from its last checkpointed round.",
                prelude: ["RUN=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" \(SlurmJobScript.quoted(list)))",
                          "echo \"task $SLURM_ARRAY_TASK_ID: run $RUN\""],
                command: work.trainOne, rawTail: "\"$RUN\"")))
        }
        out.append(("render", SlurmJobScript(
            name: "pilot-render", directives: options.directives + ["--requeue", "--open-mode=append", "--output=\(log)/%x-%j.out"],
            purpose: "Once the runs' jobs have ended, however they ended: trains any run still unfinished (a failed task's, "
                + "resuming it), waits for runs other processes hold, then renders every table and figure and the paper comparison.",
            command: work.render)))
        return out
    }

    /// The array's run list: one run directory name per line, task i trains line i + 1.
    public var runListFile: URL { directory.appendingPathComponent("\(stamp)-runs.txt") }

    /// The script of `role` in this submission.
    func scriptFile(_ role: String) -> URL { directory.appendingPathComponent("\(stamp)-\(role).sh") }

    /// Every array job submitted into `directory`, one "<job id> <run list file name>" per line.
    public var arraysFile: URL { directory.appendingPathComponent("arrays.txt") }

    /// Runs whose array task from an earlier submission is still in the queue, by run name, with that job's id.
    public func queuedRuns(with sbatch: Sbatch) -> [String: String] {
        guard let text = try? String(contentsOf: arraysFile, encoding: .utf8) else { return [:] }
        var queued: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 2,
                  let list = try? String(contentsOf: directory.appendingPathComponent(fields[1]), encoding: .utf8) else { continue }
            let names = list.split(separator: "\n").map(String.init)
            for task in sbatch.queuedArrayTasks(of: fields[0]) where names.indices.contains(task) { queued[names[task]] = fields[0] }
        }
        return queued
    }

    /// Writes the scripts and submits them, each after the jobs it needs; returns the queued jobs.
    ///
    /// On a refusal, throws naming the jobs already queued (`SlurmError.partlySubmitted`), so nothing is queued unreported.
    public func submit(_ work: Work, with sbatch: Sbatch) throws -> [Job] {
        let scripts = scripts(for: work)
        do {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("logs"), withIntermediateDirectories: true)
            if !work.runs.isEmpty { try ReportFile.write(work.runs.joined(separator: "\n") + "\n", to: runListFile) }
            for (role, script) in scripts {
                let url = scriptFile(role)
                try ReportFile.write(script.text, to: url)
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            }
        } catch {
            // Foundation's errors wrap the system's; its one-line message is the reason a user can act on.
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            throw SlurmError.unwritable(path: directory.path, reason: (underlying ?? error as NSError).localizedDescription)
        }
        var jobs: [Job] = []
        for (role, _) in scripts {
            let url = scriptFile(role)
            // The runs need the base; the render job needs every runs job to have ended, successfully or not.
            let dependency: String?
            switch role {
            case "runs": dependency = jobs.first { $0.role == "base" }.map { "afterok:\($0.id)" }
            case "render":
                let after = jobs.map(\.id) + work.renderAlsoAfter
                dependency = after.isEmpty ? nil : "afterany:" + after.joined(separator: ":")
            default: dependency = nil
            }
            do {
                let job = Job(role: role, id: try sbatch.submit(url, dependency: dependency), script: url)
                jobs.append(job)
                if role == "runs" {
                    let line = "\(job.id) \(runListFile.lastPathComponent)\n"
                    let previous = (try? String(contentsOf: arraysFile, encoding: .utf8)) ?? ""
                    try? ReportFile.write(previous + line, to: arraysFile)
                }
            } catch let error as SlurmError where !jobs.isEmpty {
                throw SlurmError.partlySubmitted(error, submitted: jobs.map { "\($0.role) job \($0.id)" })
            }
        }
        return jobs
    }
}
