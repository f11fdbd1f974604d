import Tensors
import World

/// The server side of a method: what clients send up and what each client gets back.
public protocol Strategy {
    /// Whether a client sends the parameter `name` up in `round` (1-based).
    func uploads(_ name: String, round: Int) -> Bool
    /// The server step: client updates in, per-client downloads out (merged into each client's state).
    mutating func aggregate(_ updates: [ClientUpdate], round: Int) throws -> [Int: NamedTensors]
    /// Server state to checkpoint (global model, optimiser moments, task adapters).
    var state: NamedTensors { get }
    /// Restores `state` from a checkpoint.
    mutating func restore(_ state: NamedTensors) throws
}

extension Strategy {
    /// The same download for every client that sent an update.
    static func broadcast(_ parameters: NamedTensors, to updates: [ClientUpdate]) -> [Int: NamedTensors] {
        Dictionary(uniqueKeysWithValues: updates.map { ($0.client, parameters) })
    }
}
