/// The FedAdam server optimiser's settings.
extension FedAdamServer {
    /// The server optimiser's settings; defaults are the ones Pilot's FedAdam baseline uses.
    public struct Hyperparameters: Codable, Hashable, Sendable {
        /// Server learning rate η.
        public var learningRate: Float
        /// Decay of the first moment m.
        public var beta1: Float
        /// Decay of the second moment v.
        public var beta2: Float
        /// Adaptivity τ, added to √v (Reddi et al.'s ε-like constant).
        public var tau: Float

        /// Settings with server learning rate η and the defaults β1 0.9, β2 0.99, τ 1e-3 unless given.
        public init(learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.99, tau: Float = 1e-3) {
            self.learningRate = learningRate
            self.beta1 = beta1
            self.beta2 = beta2
            self.tau = tau
        }
    }
}
