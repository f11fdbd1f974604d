import Checkpoint
import Foundation

/// What a run's checkpoint says about it: its configuration, hash and measured history (client states are not read).
public struct RunRecord: Sendable {
    /// The checkpoint's file name inside a run directory (the name `FederatedRunner` writes).
    public static let fileName = "run.h5"

    /// The fully resolved configuration stored in the checkpoint.
    public let config: RunConfig
    /// The configuration hash stored in the checkpoint.
    public let configHash: String
    public let history: RunHistory
    /// The OpenBLAS kernel families (`BLAS.coreName`) that computed the run, in the order they first did; empty for a
    /// checkpoint written before they were recorded.
    public let kernelFamilies: [String]

    /// The checkpoint attribute naming `kernelFamilies`, comma-separated.
    public static let kernelFamiliesAttribute = "blas_cores"

    public var completedRounds: Int { history.rounds }
    /// Whether every configured round is done.
    public var isComplete: Bool { history.rounds >= config.rounds }

    /// Reads the checkpoint at `url` (attributes and `metrics/` only).
    public static func load(from url: URL) throws -> RunRecord {
        let archive = try HDF5Store.read(from: url, group: "metrics")
        guard case .string("federated-run")? = archive.attributes["pilot_kind"],
              let config = try archive.json(RunConfig.self, for: "run_config"),
              case let .string(hash)? = archive.attributes["config_hash"] else {
            throw RunError.notARun(path: url.path)
        }
        let clients = config.scenario.kind.tasks.count * config.scenario.clientsPerTask
        return RunRecord(config: config, configHash: hash, history: RunHistory(tensors: archive.tensors, clients: clients),
                         kernelFamilies: kernelFamilies(in: archive.attributes))
    }

    /// The kernel families a checkpoint's attributes name (none when it names none).
    static func kernelFamilies(in attributes: [String: AttributeValue]) -> [String] {
        guard case let .string(list)? = attributes[kernelFamiliesAttribute] else { return [] }
        return list.split(separator: ",").map(String.init)
    }

    /// The attribute value naming `earlier` families and then `current`, unless it is among them.
    static func kernelFamiliesValue(earlier: [String], current: String) -> AttributeValue {
        .string((earlier.contains(current) ? earlier : earlier + [current]).joined(separator: ","))
    }

    /// The checkpoint of `directory`.
    public static func checkpoint(in directory: URL) -> URL { directory.appendingPathComponent(fileName) }
}
