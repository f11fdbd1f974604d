import Checkpoint
import Foundation
import Tensors

extension FederatedRunner {
    /// The run's checkpoint: configuration, every client's state, the server's state and the history.
    func archive() throws -> TensorArchive {
        var tensors = history.tensors
        for (i, state) in clientStates.enumerated() { for (name, value) in state { tensors["clients/\(i)/\(name)"] = value } }
        for (name, value) in serverState { tensors["server/\(name)"] = value }
        var archive = TensorArchive(tensors: tensors)
        try archive.setJSON(config, for: "run_config")
        archive.attributes["pilot_kind"] = .string("federated-run")
        archive.attributes["config_hash"] = .string(try ConfigHash.of(config))
        archive.attributes["completed_rounds"] = .int(Int64(history.rounds))
        archive.attributes["method"] = .string(config.method.name)
        archive.attributes["seed"] = .int(Int64(bitPattern: config.seed))
        archive.attributes[RunRecord.kernelFamiliesAttribute] = RunRecord.kernelFamiliesValue(earlier: earlierKernelFamilies, current: BLAS.coreName)
        return archive
    }

    /// Writes the checkpoint atomically.
    func writeCheckpoint() throws { try HDF5Store.write(try archive(), to: checkpoint) }

    /// Loads client states, server state and history from an existing checkpoint of the same configuration.
    func resumeIfPossible() throws {
        guard FileManager.default.fileExists(atPath: checkpoint.path) else { return }
        let archive = try HDF5Store.read(from: checkpoint)
        let expected = try ConfigHash.of(config)
        guard case let .string(found)? = archive.attributes["config_hash"], found == expected else {
            var found = "?"
            if case let .string(h)? = archive.attributes["config_hash"] { found = h }
            throw RunError.foreignCheckpoint(path: checkpoint.path, expected: expected, found: found)
        }
        let saved = RunHistory(tensors: archive.tensors, clients: clientStates.count)
        earlierKernelFamilies = RunRecord.kernelFamilies(in: archive.attributes)
        var states = clientStates
        for i in states.indices { states[i] = archive.tensors(under: "clients/\(i)/") }
        try restore(clientStates: states, serverState: archive.tensors(under: "server/"), history: saved)
    }
}
