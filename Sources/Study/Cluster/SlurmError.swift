/// Why a submission to Slurm stopped.
public indirect enum SlurmError: Error, CustomStringConvertible {
    /// No `sbatch` on the PATH.
    case noSbatch
    /// `sbatch` refused a script (unknown partition, bad option, …); `submitted` lists the jobs already in the queue.
    case refused(script: String, reason: String)
    /// A later script was refused after earlier jobs were queued: they are named so they can be cancelled or left to run.
    case partlySubmitted(SlurmError, submitted: [String])
    /// The submission's directory could not be written.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .noSbatch:
            return "no sbatch on the PATH: `pilot study submit --slurm` needs Slurm's client commands (run `pilot study run` to train here)"
        case let .refused(script, reason):
            return "sbatch refused \(script): \(reason)"
        case let .partlySubmitted(error, submitted):
            return "\(error); already queued: \(submitted.joined(separator: ", ")) (cancel with `scancel \(submitted.map { $0.split(separator: " ").last.map(String.init) ?? "" }.joined(separator: " "))`, or leave them: a resubmission reuses what they finish)"
        case let .unwritable(path, reason):
            return "cannot write the job scripts into \(path): \(reason)"
        }
    }
}
