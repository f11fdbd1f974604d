import Autodiff
import NN
import Tensors

/// Pilot stage 2, cross-task visual interaction: a cross-task mixture of adapters (CT-MoA).
///
/// Expert 0 is the client's own task adapter (trainable); expert j ≥ 1 is another task's aggregated
/// adapter (frozen) with a parallel cross-task adapter (trainable): y_j = E_j(Z) + C_j(Z). A dense
/// softmax router Linear(visionWidth → T, no bias) weighs them: out = Σ_j w_j ⊙ y_j, plus the frozen
/// stage-1 client adapter when kept. Auxiliary losses (Switch / ST-MoE): load balance
/// L_b = T · Σ_e f_e P_e (f_e: share of tokens whose top-1 is e; P_e: mean router probability) and
/// router z-loss L_z = mean(logsumexp(logits)²).
public struct CTMoAConnector: Connector {
    /// Options of the stage-2 connector (the ablations of the paper's Table 3 and 6 switch these).
    public struct Options: Codable, Hashable, Sendable {
        /// Whether other tasks' experts get parallel cross-task adapters.
        public var crossTaskAdapters = true
        /// Whether cross-task adapters start as copies of the local task adapter (else random).
        public var crossInitFromLocal = true
        /// Whether the frozen stage-1 client adapter stays in the forward pass.
        public var keepClientAdapter = true
        /// Coefficients of the load-balance and z losses (paper: 0.1 and 0.01; 0 switches a loss off).
        public var balanceWeight: Float = 0.1, zLossWeight: Float = 0.01
        /// The paper's defaults.
        public init() {}
    }

    /// experts[0]: own task adapter; experts[j]: task j's aggregated adapter (frozen).
    public let experts: [MLPAdapter]
    /// cross[j − 1] runs beside experts[j]; empty without cross-task adapters.
    public let cross: [MLPAdapter]
    /// Router: [T, visionWidth], no bias.
    public let router: Linear
    /// The frozen stage-1 client adapter, when kept.
    public let client: MLPAdapter?
    public let options: Options

    /// Builds the mixture from the client's own task adapter, the other tasks' adapters and (optionally) its client adapter.
    public init(ownTask: MLPAdapter, otherTasks: [MLPAdapter], client: MLPAdapter?, options: Options = Options(),
                config: ModelConfig, rng: inout RandomStream) {
        experts = [MLPAdapter(copying: ownTask)] + otherTasks.map { MLPAdapter(copying: $0) }
        cross = options.crossTaskAdapters ? otherTasks.map { _ in
            options.crossInitFromLocal ? MLPAdapter(copying: ownTask)
                : MLPAdapter(inputs: config.visionWidth, hidden: config.connectorHidden, outputs: config.width, rng: &rng)
        } : []
        router = Linear(inputs: config.visionWidth, outputs: experts.count, bias: false, rng: &rng)
        self.client = options.keepClientAdapter ? client.map { MLPAdapter(copying: $0) } : nil
        self.options = options
        setTrainable(false)
        experts[0].setTrainable(true)
        for c in cross { c.setTrainable(true) }
        router.setTrainable(true)
    }

    /// Σ_j w_j ⊙ (E_j(Z) + C_j(Z)) (+ A_c(Z)); auxiliary: weighted load-balance and z losses.
    public func connect(_ z: Variable, auxiliary wanted: Bool, on tape: Tape) -> ConnectorOutput {
        let (b, t) = (z.shape[0], z.shape[1])
        let n = experts.count
        let logits = router(z, on: tape)                                  // [B, tokens, T]
        let weights = tape.softmax(logits)
        var out: Variable? = client.map { $0(z, on: tape) }
        for (j, expert) in experts.enumerated() {
            var y = expert(z, on: tape)
            if j > 0 && !cross.isEmpty { y = tape.add(y, cross[j - 1](z, on: tape)) }
            let term = tape.mul(y, tape.slice(weights, axis: 2, j..<(j + 1)))
            out = out.map { tape.add($0, term) } ?? term
        }
        var auxiliary: [(String, Variable)] = []
        if wanted && options.balanceWeight != 0 {
            let probabilities = tape.mean(tape.reshape(weights, [b * t, n]), axis: 0)      // P_e: [T]
            let top = NonDifferentiable.argmax(weights.value)
            var share = [Float](repeating: 0, count: n)                                  // f_e
            for e in top { share[e] += 1 / Float(top.count) }
            let balance = tape.sum(tape.mul(probabilities, Variable(Tensor(shape: [n], scalars: share))))
            auxiliary.append(("load_balance", tape.scale(balance, by: options.balanceWeight * Float(n))))
        }
        if wanted && options.zLossWeight != 0 {
            let lse = tape.logSumExp(logits)
            auxiliary.append(("router_z", tape.scale(tape.mean(tape.mul(lse, lse)), by: options.zLossWeight)))
        }
        return ConnectorOutput(tokens: out!, auxiliary: auxiliary)
    }

    /// task.j (experts), cross.j, client (when kept), router (the PyTorch reference's names).
    public func visitParameters(_ visit: (String, Variable) -> Void) {
        for (j, e) in experts.enumerated() { e.visitParameters { visit("task.\(j)." + $0, $1) } }
        for (j, c) in cross.enumerated() { c.visitParameters { visit("cross.\(j)." + $0, $1) } }
        client?.visitParameters { visit("client." + $0, $1) }
        router.visitParameters { visit("router." + $0, $1) }
    }
}
