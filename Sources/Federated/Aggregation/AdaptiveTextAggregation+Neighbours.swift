/// Choosing each client's aggregation set: the k nearest (ATA), the same task, or everyone.
extension AdaptiveTextAggregation {
    /// Per client, the k nearest clients in `distances` (Eq. 11), nearest first, the client itself always first.
    ///
    /// After the client itself, the other clients are ranked by increasing distance, equal distances broken
    /// by lower client index, and the first k − 1 are taken. Throws unless 1 ≤ k ≤ N.
    public static func nearestNeighbours(_ distances: DistanceMatrix, k: Int) throws -> [Int: [Int]] {
        let n = distances.count
        guard n > 0, (1...n).contains(k) else { throw AggregationError.invalidNeighbourCount(k: k, clients: n) }
        var result: [Int: [Int]] = [:]
        for client in distances.clients {
            let row = distances.distances(from: client)
            let others = zip(distances.clients, row)
                .filter { $0.0 != client }
                .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
                .map(\.0)
            result[client] = [client] + others.prefix(k - 1)
        }
        return result
    }

    /// Per client, the clients `selection` picks for it, the client itself first and the rest in a deterministic order.
    ///
    /// `.nearest(k)` ranks by distance (see `nearestNeighbours`); `.sameTask` and `.allClients` list the
    /// other members in increasing client index.
    public static func neighbourSets(_ updates: [ClientUpdate], selection: NeighbourSelection) throws -> [Int: [Int]] {
        switch selection {
        case let .nearest(k), let .nearestBySize(k):
            guard !updates.isEmpty else { throw AggregationError.noUpdates }
            guard (1...updates.count).contains(k) else {
                throw AggregationError.invalidNeighbourCount(k: k, clients: updates.count)
            }
            return try nearestNeighbours(distances(updates), k: k)
        case .sameTask:
            let sorted = try UpdateValidation.distinctClients(updates)
            return Dictionary(uniqueKeysWithValues: sorted.map { update in
                (update.client, [update.client] + sorted.filter { $0.task == update.task && $0.client != update.client }.map(\.client))
            })
        case .allClients:
            let sorted = try UpdateValidation.distinctClients(updates)
            return Dictionary(uniqueKeysWithValues: sorted.map { update in
                (update.client, [update.client] + sorted.filter { $0.client != update.client }.map(\.client))
            })
        }
    }
}
