/// Which clients' text adapters each client's aggregate is taken over (the rows of Pilot's Table 5).
public enum NeighbourSelection: Codable, Hashable, Sendable {
    /// The k clients nearest in parameter space, the client itself included, weighted by distance:
    /// Pilot's ATA (the paper uses k = 6 of 9; weights in `AdaptiveTextAggregation.distanceWeights`).
    case nearest(k: Int)
    /// The same k nearest clients weighted by data size (uniform for equal clients): our reading before the
    /// paper's "weights based on the euclidean distance" was taken literally; a Table 5 row.
    case nearestBySize(k: Int)
    /// Every client of the same task, the client itself included, weighted by data size (Table 5, "same task client").
    case sameTask
    /// Every client, weighted by data size (Table 5, "all clients"): each client receives the FedAvg average.
    case allClients
}
