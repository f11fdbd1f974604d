import Tensors

/// Checks that client updates can be aggregated together, before any arithmetic is done.
public enum UpdateValidation {
    /// Throws unless no two updates share a client index; returns them sorted by client index.
    public static func distinctClients(_ updates: [ClientUpdate]) throws -> [ClientUpdate] {
        guard !updates.isEmpty else { throw AggregationError.noUpdates }
        let sorted = updates.sorted { $0.client < $1.client }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.client == b.client {
            throw AggregationError.duplicateClient(a.client)
        }
        return sorted
    }

    /// Throws unless the updates have distinct clients, positive data sizes and identical tensor names and shapes;
    /// returns them sorted by client index.
    ///
    /// The lowest-index client is the reference every other client is compared against, so an error names
    /// the offending client, the tensor and the reference client.
    public static func validated(_ updates: [ClientUpdate]) throws -> [ClientUpdate] {
        let sorted = try distinctClients(updates)
        for update in sorted where update.dataSize <= 0 {
            throw AggregationError.nonPositiveDataSize(client: update.client, dataSize: update.dataSize)
        }
        let reference = sorted[0]
        let names = reference.parameters.keys.sorted()
        for update in sorted.dropFirst() {
            for name in names {
                guard let tensor = update.parameters[name] else {
                    throw AggregationError.missingTensor(client: update.client, name: name, reference: reference.client)
                }
                let expected = reference.parameters[name]!.shape
                if tensor.shape != expected {
                    throw AggregationError.shapeMismatch(client: update.client, name: name, shape: tensor.shape,
                                                         expected: expected, reference: reference.client)
                }
            }
            if let extra = update.parameters.keys.filter({ reference.parameters[$0] == nil }).min() {
                throw AggregationError.unexpectedTensor(client: update.client, name: extra, reference: reference.client)
            }
        }
        return sorted
    }
}
