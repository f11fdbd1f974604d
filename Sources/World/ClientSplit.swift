import Tensors

/// How a data set is divided among the clients of its task.
public enum ClientSplit: Codable, Hashable, Sendable {
    /// At random into equal parts (the paper's setting).
    case iid
    /// Non-IID: per category (question type or scene style), client shares drawn from Dirichlet(α).
    case dirichlet(alpha: Double)

    /// Indices 0..<count divided into `clients` parts by the categories of the items.
    ///
    /// - Parameter shares: per category, the fraction each client gets (Dirichlet); nil for IID.
    public func assign(categories: [Int], clients: Int, shares: [[Double]]?, rng: inout RandomStream) -> [[Int]] {
        var parts = [[Int]](repeating: [], count: clients)
        switch self {
        case .iid:
            for (position, index) in Phrasing.shuffled(Array(categories.indices), &rng).enumerated() {
                parts[position % clients].append(index)
            }
        case .dirichlet:
            let byCategory = Dictionary(grouping: categories.indices, by: { categories[$0] })
            for category in byCategory.keys.sorted() {
                let members = Phrasing.shuffled(byCategory[category]!, &rng)
                let fractions = shares![category]
                var start = 0, cumulative = 0.0
                for client in 0..<clients {
                    cumulative += fractions[client]
                    let end = client == clients - 1 ? members.count : min(members.count, Int((cumulative * Double(members.count)).rounded()))
                    parts[client] += members[start..<max(start, end)]
                    start = max(start, end)
                }
            }
        }
        return parts.map { $0.sorted() }
    }

    /// Per category, the clients' shares: Dirichlet(α) draws for a non-IID split, nil for IID.
    public func shares(categories: Int, clients: Int, rng: inout RandomStream) throws -> [[Double]]? {
        guard case let .dirichlet(alpha) = self else { return nil }
        guard alpha > 0, alpha.isFinite else { throw DataError.invalidSplit("Dirichlet α must be positive and finite, got \(alpha)") }
        return (0..<categories).map { _ in
            let draws = (0..<clients).map { _ in rng.nextGamma(shape: alpha) }
            let total = draws.reduce(0, +)
            return total > 0 ? draws.map { $0 / total } : Array(repeating: 1 / Double(clients), count: clients)
        }
    }
}
