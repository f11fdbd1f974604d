extension Method {
    /// The baselines' hyperparameters `Method.named` uses, and where each comes from.
    ///
    /// None was tuned by a sweep on this machine (it is shared and slow); a study that tunes them
    /// should record its grid and result in docs/notes.md.
    public enum Defaults {
        /// FedProx's proximal coefficient μ.
        ///
        /// OpenFedLLM's default `prox_mu` (Ye et al. 2024, "OpenFedLLM: Training Large Language Models on
        /// Decentralized Private Data via Federated Learning", `config.py`), the federated instruction-tuning
        /// benchmark whose FedAdam settings docs/design.md follows; it is also one of the values of Li et al.'s
        /// (MLSys 2020) grid {0.001, 0.01, 0.1, 0.5, 1}.
        public static let fedProxMu: Float = 0.01

        /// FedAdam's server learning rate η (β1 0.9, β2 0.99, τ 1e-3 as OpenFedLLM).
        ///
        /// Not OpenFedLLM's 1e-3, which goes with a local rate of 2e-5 on a 7B model. With zero initial
        /// moments the first server step moves a parameter by η·0.1Δ/(0.1|Δ| + τ): at most η, ≈ η·sign(Δ)
        /// once |Δ| ≫ 10τ. So η sets the per-round movement directly; 1e-2 is of the order of what one
        /// round of local AdamW moves a LoRA weight here (local rate 5e-3 over the dozen steps of a `small`
        /// round) and stays below it, so the server neither stalls (1e-3: a tenth of a round's progress per
        /// round) nor overshoots. Reddi et al. (ICLR 2021) likewise pick η from a log grid per task; the studies
        /// tune it on validation data (`Studies/Tuned.swift`).
        public static let fedAdamServerLearningRate: Float = 1e-2

        /// FedDPA's largest local weight λ_max: the released code's default (`half`: 0.5), so the global
        /// adapter always keeps at least half the share.
        public static let fedDPAMaximumLocalWeight: Float = 0.5
    }
}
