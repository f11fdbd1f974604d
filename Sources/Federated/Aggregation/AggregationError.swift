/// What can go wrong when the server combines parameter sets; each description is one line naming the culprit.
public enum AggregationError: Error, CustomStringConvertible, Equatable {
    case noUpdates
    /// Two updates claim the same client index.
    case duplicateClient(Int)
    /// A client's data size (its weight) is zero or negative.
    case nonPositiveDataSize(client: Int, dataSize: Int)
    /// `client` lacks tensor `name` that the `reference` client sent.
    case missingTensor(client: Int, name: String, reference: Int)
    /// `client` sent tensor `name` that the `reference` client did not.
    case unexpectedTensor(client: Int, name: String, reference: Int)
    /// `client`'s tensor `name` has `shape` where the `reference` client's has `expected`.
    case shapeMismatch(client: Int, name: String, shape: [Int], expected: [Int], reference: Int)
    /// An aggregation weight that is not positive and finite (or missing: NaN).
    case invalidWeight(client: Int, weight: Double)
    /// A neighbour count outside 1...clients.
    case invalidNeighbourCount(k: Int, clients: Int)
    /// A neighbour set names a client that sent no update.
    case unknownClient(Int)
    /// The server's global parameters, the clients' average or the server state disagree on tensor `name`.
    case serverMismatch(name: String, problem: String)
    /// An entry of an imported server state that the server cannot place.
    case invalidServerState(name: String, problem: String)
    /// A NaN or infinity in a client's update.
    case nonFinite(NonFiniteValue)

    /// One line naming the problem.
    public var description: String {
        switch self {
        case .noUpdates:
            return "no client updates to aggregate"
        case let .duplicateClient(client):
            return "client \(client) sent more than one update"
        case let .nonPositiveDataSize(client, dataSize):
            return "client \(client) has data size \(dataSize); aggregation weights must be positive"
        case let .missingTensor(client, name, reference):
            return "client \(client) lacks tensor '\(name)' that client \(reference) sent"
        case let .unexpectedTensor(client, name, reference):
            return "client \(client) sent tensor '\(name)' that client \(reference) did not"
        case let .shapeMismatch(client, name, shape, expected, reference):
            return "client \(client) sent tensor '\(name)' with shape \(shape); client \(reference) sent \(expected)"
        case let .invalidWeight(client, weight):
            return "client \(client) has aggregation weight \(weight); weights must be positive and finite"
        case let .invalidNeighbourCount(k, clients):
            return "ATA neighbour count k = \(k) is outside 1...\(clients) (N = \(clients) clients)"
        case let .unknownClient(client):
            return "neighbour set names client \(client), which sent no update"
        case let .serverMismatch(name, problem):
            return "server tensor '\(name)': \(problem)"
        case let .invalidServerState(name, problem):
            return "server state entry '\(name)': \(problem)"
        case let .nonFinite(value):
            return value.description
        }
    }
}
