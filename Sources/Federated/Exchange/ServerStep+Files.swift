import Checkpoint
import Foundation
import Tensors

extension ServerStep {
    /// The file name of client `client`'s download in the output directory.
    public static func downloadFileName(client: Int) -> String { "client-\(client).h5" }

    /// Reads the updates at `inputs`, aggregates them and writes `client-<id>.h5` per client into `directory`.
    ///
    /// Every input is read and checked (attributes, distinct clients, identical tensor names and shapes,
    /// finite values, ATA's k) and every result computed before anything is written, so a bad input leaves
    /// `directory` untouched. Errors name the file as given in `inputs`. Returns the files written.
    @discardableResult
    public func run(inputs: [URL], outputDirectory directory: URL) throws -> [URL] {
        guard !inputs.isEmpty else { throw ExchangeError.noInputs }
        let labels = inputs.map(\.relativePath)
        let updates = try zip(inputs, labels).map { try UpdateFile.read($0, label: $1) }
        try Self.check(updates, labels: labels)
        if case let .ata(k) = self, !(1...updates.count).contains(k) { throw ExchangeError.invalidTopK(k: k, clients: updates.count) }
        let downloads = try aggregate(updates)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [URL] = []
        for update in updates.sorted(by: { $0.client < $1.client }) {
            let url = directory.appendingPathComponent(Self.downloadFileName(client: update.client))
            var extra: [String: AttributeValue] = ["strategy": .string(name), "clients": .int(Int64(updates.count))]
            if case let .ata(k) = self { extra["top_k"] = .int(Int64(k)) }
            let download = ClientUpdate(client: update.client, task: update.task, dataSize: update.dataSize, parameters: downloads[update.client]!)
            try HDF5Store.write(UpdateFile.archive(download, kind: "server-download", extra: extra), to: url)
            written.append(url)
        }
        return written
    }

    /// Throws, naming the file, unless client ids are distinct, every file holds the first file's tensor names
    /// and shapes, and every value is finite.
    static func check(_ updates: [ClientUpdate], labels: [String]) throws {
        var seen: [Int: String] = [:]
        for (update, label) in zip(updates, labels) {
            if let other = seen[update.client] { throw ExchangeError.duplicateClient(file: label, client: update.client, other: other) }
            seen[update.client] = label
        }
        let reference = updates[0].parameters
        for (update, label) in zip(updates, labels).dropFirst() {
            for name in reference.keys.sorted() {
                guard let tensor = update.parameters[name] else {
                    throw ExchangeError.missingTensor(file: label, name: name, reference: labels[0])
                }
                if tensor.shape != reference[name]!.shape {
                    throw ExchangeError.shapeMismatch(file: label, name: name, shape: tensor.shape, reference: labels[0],
                                                      expected: reference[name]!.shape)
                }
            }
            if let extra = update.parameters.keys.filter({ reference[$0] == nil }).min() {
                throw ExchangeError.unexpectedTensor(file: label, name: extra, reference: labels[0])
            }
        }
        for (update, label) in zip(updates, labels) {
            if let bad = NonFiniteCheck.firstNonFinite(in: update) {
                throw ExchangeError.nonFinite(file: label, name: bad.name, index: bad.index, kind: bad.kind.rawValue)
            }
        }
    }
}
