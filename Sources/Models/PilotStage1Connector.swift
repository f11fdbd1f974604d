import Autodiff
import NN
import Tensors

/// Pilot stage 1, task-specific feature mining: H = A_t(Z) + A_c(Z) with a difference loss that
/// pushes the client-specific adapter's features to be orthogonal to the task adapter's.
///
/// Difference loss (paper Eq. 3, after domain separation networks): per sample, rows of H_t and
/// H_c are L2-normalised and L_diff = ‖N_tᵀ N_c‖²_F, averaged over the batch (the released code
/// averages where the paper writes a sum). ‖N_tᵀN_c‖²_F = Σ (N_t N_tᵀ) ⊙ (N_c N_cᵀ), which needs
/// two [tokens × tokens] Gram matrices instead of a [width × width] product.
public struct PilotStage1Connector: Connector {
    /// A_t: shared with the other clients of the same task through the server.
    public let task: MLPAdapter
    /// A_c: never leaves the client.
    public let client: MLPAdapter
    /// Coefficient of the difference loss (paper: 0.1).
    public var differenceWeight: Float
    /// Whether the row norms are constants in backward.
    ///
    /// Off by default, unlike DESIGN §5's reading of the released code: with detached norms the
    /// loss is scale-invariant but its gradient is not, and in our measurement (ModelBehaviourTests'
    /// overfitting set-up, 60 AdamW steps) the weighted difference loss went 6.14 → 4.55 while
    /// oscillating up to 8.2, against 6.14 → 1.74 steadily with the true gradient (the shared
    /// PyTorch reference's `F.normalize`); the LM loss reached 2.62 against 1.52.
    public var detachNorm: Bool
    /// Floor of the row norms.
    public static let normEpsilon: Float = 1e-6

    /// Both adapters initialised as copies of `base` (the pretrained connector).
    public init(initialisedFrom base: MLPAdapter, differenceWeight: Float = 0.1, detachNorm: Bool = false) {
        task = MLPAdapter(copying: base)
        client = MLPAdapter(copying: base)
        self.differenceWeight = differenceWeight
        self.detachNorm = detachNorm
        setTrainable(true)
    }

    /// Tokens A_t(Z) + A_c(Z); auxiliary: weight · L_diff (when the weight is not zero).
    public func connect(_ z: Variable, auxiliary: Bool, on tape: Tape) -> ConnectorOutput {
        let ht = task(z, on: tape), hc = client(z, on: tape)
        let tokens = tape.add(ht, hc)
        guard auxiliary, differenceWeight != 0 else { return ConnectorOutput(tokens: tokens, auxiliary: []) }
        return ConnectorOutput(tokens: tokens, auxiliary: [("difference", tape.scale(differenceLoss(ht, hc, on: tape), by: differenceWeight))])
    }

    /// mean over the batch of ‖normalise(H_t)ᵀ normalise(H_c)‖²_F.  ht, hc: [B, tokens, width]
    public func differenceLoss(_ ht: Variable, _ hc: Variable, on tape: Tape) -> Variable {
        let nt = tape.l2Normalize(ht, eps: Self.normEpsilon, detachNorm: detachNorm)
        let nc = tape.l2Normalize(hc, eps: Self.normEpsilon, detachNorm: detachNorm)
        let gramT = tape.matmul(nt, nt, transposeB: true)     // [B, tokens, tokens]
        let gramC = tape.matmul(nc, nc, transposeB: true)
        return tape.scale(tape.sum(tape.mul(gramT, gramC)), by: 1 / Float(ht.shape[0]))
    }

    /// task.*, client.*
    public func visitParameters(_ visit: (String, Variable) -> Void) {
        task.visitParameters { visit("task." + $0, $1) }
        client.visitParameters { visit("client." + $0, $1) }
    }
}
