import Checkpoint
import Foundation
import Tensors
import World

/// A client update, or what the server sends a client back, as one HDF5 tensor archive (README, "Client updates").
///
/// Root attributes `client` (int), `task` (string: gqa, coco, refcoco, scienceqa, ocrvqa) and `data_size` (int,
/// positive); every tensor of the archive is a parameter under its model name (`llm.layers.0.q.lora_A`).
/// Files written here also carry `pilot_kind` (`client-update` or `server-download`); readers do not need it.
public enum UpdateFile {
    /// Attribute: the client's index.
    public static let clientAttribute = "client"
    /// Attribute: the client's task.
    public static let taskAttribute = "task"
    /// Attribute: the client's number of training samples (its aggregation weight).
    public static let dataSizeAttribute = "data_size"
    /// Attribute: what the file is.
    public static let kindAttribute = "pilot_kind"

    /// `update` as an archive of kind `kind`, with `extra` attributes.
    public static func archive(_ update: ClientUpdate, kind: String = "client-update",
                               extra: [String: AttributeValue] = [:]) -> TensorArchive {
        var attributes = extra
        attributes[clientAttribute] = .int(Int64(update.client))
        attributes[taskAttribute] = .string(update.task.rawValue)
        attributes[dataSizeAttribute] = .int(Int64(update.dataSize))
        attributes[kindAttribute] = .string(kind)
        return TensorArchive(tensors: update.parameters, attributes: attributes)
    }

    /// Writes `update` to `url` atomically.
    public static func write(_ update: ClientUpdate, to url: URL) throws {
        try HDF5Store.write(archive(update), to: url)
    }

    /// Reads the update at `url`; errors name the file (as `label`, default its path).
    public static func read(_ url: URL, label: String? = nil) throws -> ClientUpdate {
        let file = label ?? url.path
        let archive = try HDF5Store.read(from: url)
        guard let client = archive.attributes[clientAttribute]?.intValue else {
            throw ExchangeError.missingAttribute(file: file, name: clientAttribute, expected: "the client's index, an integer")
        }
        guard let taskName = archive.attributes[taskAttribute]?.stringValue else {
            throw ExchangeError.missingAttribute(file: file, name: taskAttribute, expected: "the client's task, a string")
        }
        guard let task = TaskKind(rawValue: taskName) else { throw ExchangeError.unknownTask(file: file, task: taskName) }
        guard let dataSize = archive.attributes[dataSizeAttribute]?.intValue else {
            throw ExchangeError.missingAttribute(file: file, name: dataSizeAttribute, expected: "training samples, an integer")
        }
        guard dataSize > 0 else { throw ExchangeError.nonPositiveDataSize(file: file, dataSize: Int(dataSize)) }
        guard !archive.tensors.isEmpty else { throw ExchangeError.noTensors(file: file) }
        return ClientUpdate(client: Int(client), task: task, dataSize: Int(dataSize), parameters: archive.tensors)
    }
}

/// The task names for messages.
enum TaskNames {
    static var all: String { TaskKind.allCases.map(\.rawValue).joined(separator: ", ") }
}
