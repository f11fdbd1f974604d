/// Which clients' text adapters each client's aggregate is taken over (the rows of Pilot's Table 5).
public enum NeighbourSelection: Codable, Hashable, Sendable {
    /// The k clients nearest in parameter space, the client itself included: Pilot's ATA (the paper uses k = 6 of 9).
    case nearest(k: Int)
    /// Every client of the same task, the client itself included (Table 5, "same task client").
    case sameTask
    /// Every client (Table 5, "all clients"): each client receives the FedAvg average.
    case allClients
}
