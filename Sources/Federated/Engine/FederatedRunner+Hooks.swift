import World

extension FederatedRunner {
    /// Test seams: what a test may change about a run without a public switch.
    struct Hooks {
        /// Replaces the scenario's clients (same count and indices), e.g. by clients holding identical data.
        var clients: [ClientData]?
        /// The client index whose random streams client i uses (identity; a constant makes clients train alike).
        var streamClient: (Int) -> Int = { $0 }
        /// Sees, and may change, a round's updates before the server checks them (to inject a NaN).
        var updates: (_ round: Int, _ updates: inout [ClientUpdate]) -> Void = { _, _ in }
    }
}
