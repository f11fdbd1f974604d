/// Why a run stopped.
public enum RunError: Error, CustomStringConvertible {
    /// A client sent a NaN or an infinity.
    case nonFinite(round: Int, client: String, detail: String)
    /// The checkpoint in the run directory belongs to another configuration.
    case foreignCheckpoint(path: String, expected: String, found: String)
    /// The file is not a federated run's checkpoint.
    case notARun(path: String)
    /// A run directory could not be claimed (not writable, no locks on its file system).
    case claim(path: String, reason: String)
    /// Another process is training the run (`pilot run` does not wait for it).
    case claimedElsewhere(path: String, holder: String)

    /// One line naming the problem.
    public var description: String {
        switch self {
        case let .nonFinite(round, client, detail):
            return "round \(round): client \(client) sent a non-finite update (\(detail)); the run stops, the checkpoint of round \(round - 1) is intact"
        case let .foreignCheckpoint(path, expected, found):
            return "\(path) belongs to configuration \(found), not \(expected); use another --out directory"
        case let .notARun(path):
            return "\(path) is not a federated run's checkpoint (no pilot_kind = federated-run, run_config and config_hash)"
        case let .claim(path, reason):
            return "cannot claim \(path): \(reason)"
        case let .claimedElsewhere(path, holder):
            return "\(path) is being trained by \(holder); wait for it, or stop that process"
        }
    }
}
