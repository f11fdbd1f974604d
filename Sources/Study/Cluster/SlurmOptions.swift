/// What every job of a submission asks Slurm for.
public struct SlurmOptions: Sendable, Equatable {
    /// The partition (`--partition`); nil: the cluster's default.
    public var partition: String?
    /// The time limit of each job (`--time`, Slurm's formats, e.g. "02:00:00"); nil: the partition's default.
    public var timeLimit: String?
    /// CPUs per task (`--cpus-per-task`); each job runs `pilot` with this many compute threads.
    public var cpusPerTask: Int
    /// Further `sbatch` options, one per `#SBATCH` line, verbatim (e.g. "--mem=4G", "--account=lab").
    public var extraArguments: [String]

    public init(partition: String? = nil, timeLimit: String? = nil, cpusPerTask: Int = 2, extraArguments: [String] = []) {
        self.partition = partition
        self.timeLimit = timeLimit
        self.cpusPerTask = cpusPerTask
        self.extraArguments = extraArguments
    }

    /// The `#SBATCH` options these settings give every job.
    var directives: [String] {
        ["--cpus-per-task=\(cpusPerTask)"] + (partition.map { ["--partition=\($0)"] } ?? []) + (timeLimit.map { ["--time=\($0)"] } ?? [])
            + extraArguments
    }
}
