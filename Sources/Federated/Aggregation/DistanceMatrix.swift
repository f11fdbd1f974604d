/// Euclidean distances between the flattened parameter sets of every pair of clients (Pilot, Eq. 11).
public struct DistanceMatrix: Equatable {
    /// The client indices, increasing; rows and columns follow this order.
    public let clients: [Int]
    /// Row-major [N, N]: `values[a * N + b]` is the distance between `clients[a]` and `clients[b]`.
    public let values: [Double]
    private let position: [Int: Int]

    /// A matrix over `clients` (increasing, distinct) with row-major `values` of N² elements.
    public init(clients: [Int], values: [Double]) {
        precondition(values.count == clients.count * clients.count,
                     "\(values.count) distances for \(clients.count) clients")
        precondition(zip(clients, clients.dropFirst()).allSatisfy { $0 < $1 }, "clients must be increasing: \(clients)")
        self.clients = clients
        self.values = values
        self.position = Dictionary(uniqueKeysWithValues: clients.enumerated().map { ($1, $0) })
    }

    /// Number of clients N.
    public var count: Int { clients.count }

    /// The distance between clients `a` and `b` (client indices, not positions).
    public func distance(_ a: Int, _ b: Int) -> Double {
        values[row(of: a) * count + row(of: b)]
    }

    /// The distances from client `a` to every client, in `clients` order.
    public func distances(from a: Int) -> [Double] {
        let r = row(of: a)
        return Array(values[(r * count)..<((r + 1) * count)])
    }

    private func row(of client: Int) -> Int {
        guard let r = position[client] else { preconditionFailure("client \(client) is not in the matrix \(clients)") }
        return r
    }

    /// Two matrices are equal when they cover the same clients with bit-identical distances.
    public static func == (lhs: DistanceMatrix, rhs: DistanceMatrix) -> Bool {
        lhs.clients == rhs.clients && lhs.values == rhs.values
    }
}
