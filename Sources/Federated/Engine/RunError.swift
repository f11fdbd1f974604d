/// Why a run stopped.
public enum RunError: Error, CustomStringConvertible {
    /// A client sent a NaN or an infinity.
    case nonFinite(round: Int, client: String, detail: String)
    /// The checkpoint in the run directory belongs to another configuration.
    case foreignCheckpoint(path: String, expected: String, found: String)
    /// The file is not a federated run's checkpoint.
    case notARun(path: String)

    /// One line naming the problem.
    public var description: String {
        switch self {
        case let .nonFinite(round, client, detail):
            return "round \(round): client \(client) sent a non-finite update (\(detail)); the run stops, the checkpoint of round \(round - 1) is intact"
        case let .foreignCheckpoint(path, expected, found):
            return "\(path) belongs to configuration \(found), not \(expected); use another --out directory"
        case let .notARun(path):
            return "\(path) is not a federated run's checkpoint (no pilot_kind = federated-run, run_config and config_hash)"
        }
    }
}
