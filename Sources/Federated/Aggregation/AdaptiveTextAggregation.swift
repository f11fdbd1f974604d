import Foundation
import Tensors

/// Pilot's adaptive text-adapter aggregation (ATA, Pilot Eq. 11–12): each client averages over its nearest clients.
///
/// Paper: "Pilot: Building the Federated Multimodal Instruction Tuning Framework", section
/// "Adaptive Text-adapter Aggregation". Each client's text-adapter (LoRA) parameters are flattened into one
/// vector (tensors in sorted name order); the Euclidean distance between every pair of clients is computed
/// (`distances`); client i selects the k clients nearest to it, itself included at distance 0
/// (`nearestNeighbours`); and client i receives the weighted average over that set, so every client gets its
/// own text adapter.
///
/// Weighting (our choice; the paper says only that it "calculates weights based on the euclidean distance between
/// parameters"): within S_i, w_ij = exp(−d_ij / τ_i) / Σ_{l∈S_i} exp(−d_il / τ_i), with the temperature τ_i the
/// mean distance from i to the other members of S_i (`distanceWeights`). The client itself (d = 0) weighs most,
/// a neighbour at the set's mean distance e⁻¹ of that, so the weights do not depend on the scale of the
/// parameters; when every member sits at distance 0 (or k = 1) the weights are equal. `.nearestBySize(k)`
/// keeps the same set with data-size weights (FedAvg restricted to S_i), our earlier reading; with k = N it
/// is plain FedAvg, and with k = 1 either form returns each client's own parameters.
///
/// Ties: a client always selects itself first, even if another client sits at distance 0; the remaining
/// k − 1 places go to the other clients in increasing distance, equal distances broken by lower client index.
public enum AdaptiveTextAggregation {
    /// The parameters of `parameters` as one vector: tensors in sorted name order, each in row-major order.
    public static func flattened(_ parameters: NamedTensors) -> [Float] {
        var vector: [Float] = []
        vector.reserveCapacity(parameters.values.reduce(0) { $0 + $1.count })
        for name in parameters.keys.sorted() { vector.append(contentsOf: parameters[name]!.scalars) }
        return vector
    }

    /// The Euclidean distances between the flattened parameters of every pair of clients, in `Double` (Eq. 11).
    ///
    /// Throws unless the updates have distinct clients, positive data sizes and identical names and shapes.
    /// Differences, squares and sums are taken in `Double`; d(a, b) and d(b, a) are the same number and d(a, a) = 0.
    public static func distances(_ updates: [ClientUpdate]) throws -> DistanceMatrix {
        let sorted = try UpdateValidation.validated(updates)
        let vectors = sorted.map { flattened($0.parameters) }  // N × [P]
        let n = sorted.count
        var values = [Double](repeating: 0, count: n * n)  // [N, N] row-major
        for a in 0..<n {
            for b in (a + 1)..<n {
                let d = euclideanDistance(vectors[a], vectors[b])
                values[a * n + b] = d
                values[b * n + a] = d
            }
        }
        return DistanceMatrix(clients: sorted.map(\.client), values: values)
    }

    /// Per client, the average over the clients `neighbours` assigns it (Eq. 12): data-size weights, or the
    /// per-client member weights `weights` (client → member → weight) when given.
    ///
    /// Every client in `updates` must be compatible with every other (same names and shapes), and every
    /// client named in `neighbours` must have sent an update. The result has one entry per key of `neighbours`.
    public static func aggregate(_ updates: [ClientUpdate], neighbours: [Int: [Int]],
                                 weights: [Int: [Int: Double]]? = nil) throws -> [Int: NamedTensors] {
        let sorted = try UpdateValidation.validated(updates)
        let byClient = Dictionary(uniqueKeysWithValues: sorted.map { ($0.client, $0) })
        var result: [Int: NamedTensors] = [:]
        for client in neighbours.keys.sorted() {
            guard byClient[client] != nil else { throw AggregationError.unknownClient(client) }
            let members = try neighbours[client]!.map { j -> ClientUpdate in
                guard let update = byClient[j] else { throw AggregationError.unknownClient(j) }
                return update
            }
            if let memberWeights = weights?[client] {
                result[client] = try WeightedAverage.average(members, weights: memberWeights)
            } else {
                result[client] = try WeightedAverage.average(members)
            }
        }
        return result
    }

    /// ATA's weights: per client i, w_ij = exp(−d_ij / τ_i) / Σ_{l∈S_i} exp(−d_il / τ_i) over its set S_i =
    /// `neighbours[i]`, τ_i the mean of d_ij over the other members (equal weights when τ_i is 0).
    public static func distanceWeights(_ distances: DistanceMatrix, neighbours: [Int: [Int]]) -> [Int: [Int: Double]] {
        var result: [Int: [Int: Double]] = [:]
        for (client, members) in neighbours {
            let others = members.filter { $0 != client }.map { distances.distance(client, $0) }
            let tau = others.isEmpty ? 0 : others.reduce(0, +) / Double(others.count)
            let raw = members.map { tau > 0 ? Foundation.exp(-distances.distance(client, $0) / tau) : 1 }
            let total = raw.reduce(0, +)
            result[client] = Dictionary(uniqueKeysWithValues: zip(members, raw.map { $0 / total }))
        }
        return result
    }

    /// Per client, the weighted average over the clients `selection` picks for it: ATA (distance or data-size
    /// weights), same-task or all clients.
    public static func aggregate(_ updates: [ClientUpdate], selection: NeighbourSelection) throws -> [Int: NamedTensors] {
        guard case let .nearest(k) = selection else { return try aggregate(updates, neighbours: neighbourSets(updates, selection: selection)) }
        guard !updates.isEmpty else { throw AggregationError.noUpdates }
        let d = try distances(updates)
        let sets = try nearestNeighbours(d, k: k)
        return try aggregate(updates, neighbours: sets, weights: distanceWeights(d, neighbours: sets))
    }

    /// ‖a − b‖₂ with the differences, squares and sum in `Double`.
    static func euclideanDistance(_ a: [Float], _ b: [Float]) -> Double {
        precondition(a.count == b.count, "vectors of \(a.count) and \(b.count) elements")
        var sum = 0.0
        for i in a.indices {
            let d = Double(a[i]) - Double(b[i])
            sum += d * d
        }
        return sum.squareRoot()
    }
}
