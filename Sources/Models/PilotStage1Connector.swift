import Autodiff
import NN
import Tensors

/// Pilot stage 1, task-specific feature mining: H = A_t(Z) + A_c(Z) with a difference loss that
/// pushes the client-specific adapter's features to be orthogonal to the task adapter's.
///
/// Difference loss (paper Eq. 3, after domain separation networks), in one of two forms
/// (`DifferenceForm`): the released code's correlation over the batch, or docs/design.md's per-sample
/// token form. Both use ‖AᵀB‖²_F = Σ (A Aᵀ) ⊙ (B Bᵀ), so only Gram matrices over the short side
/// are formed.
public struct PilotStage1Connector: Connector {
    /// A_t: shared with the other clients of the same task through the server.
    public let task: MLPAdapter
    /// A_c: never leaves the client.
    public let client: MLPAdapter
    /// Coefficient of the difference loss (paper: 0.1).
    public var differenceWeight: Float
    public var form: DifferenceForm
    /// Whether the row norms are constants in backward (`tokenGram` only: `sampleCorrelation`
    /// always detaches them, as the released code does).
    ///
    /// Off by default, unlike docs/design.md's reading: with detached norms the loss is scale-invariant but its gradient is not (docs/notes.md).
    public var detachNorm: Bool
    /// Floor of the row norms.
    public static let normEpsilon: Float = 1e-6

    /// The two readings of the paper's Eq. 3 ‖H_tᵀH_c‖²_F.
    public enum DifferenceForm: String, Codable, Hashable, Sendable, CaseIterable {
        /// The released code (FedMIT `DiffLoss`, as in domain separation networks' code): each
        /// sample's tokens flattened into one row [tokens·width] and L2-normalised, then the mean
        /// over the [tokens·width]² entries of the batch correlation N_tᵀN_c. At most B²/(tokens·width)²
        /// (≈ 1.5e-5 for pilot-tiny at batch 16), so next to the LM loss it barely moves training.
        case sampleCorrelation
        /// docs/design.md and the PyTorch reference (`reference/pilot_tiny.py`): per sample, every token
        /// row L2-normalised and ‖N_tᵀN_c‖²_F summed, then averaged over the batch. Up to tokens² (256 for pilot-tiny)
        /// and ≈ 110 at the start of stage 1, where both adapters are the same connector.
        case tokenGram
    }

    /// Both adapters initialised as copies of `base` (the pretrained connector).
    ///
    /// `form` defaults to the per-token form of the PyTorch reference, which the golden tests and
    /// `pilot bench model --variants pilot1` compare against; federated Pilot passes
    /// `PilotOptions.differenceForm` (the released code's form unless a study says otherwise).
    public init(initialisedFrom base: MLPAdapter, differenceWeight: Float = 0.1, form: DifferenceForm = .tokenGram,
                detachNorm: Bool = false) {
        task = MLPAdapter(copying: base)
        client = MLPAdapter(copying: base)
        self.differenceWeight = differenceWeight
        self.form = form
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

    /// The unweighted difference loss in this connector's `form`.  ht, hc: [B, tokens, width]
    public func differenceLoss(_ ht: Variable, _ hc: Variable, on tape: Tape) -> Variable {
        let (b, tokens, width) = (ht.shape[0], ht.shape[1], ht.shape[2])
        switch form {
        case .tokenGram:
            return tape.scale(gramProduct(ht, hc, detachNorm: detachNorm, on: tape), by: 1 / Float(b))
        case .sampleCorrelation:
            let rows = [1, b, tokens * width]                  // one "batch" whose rows are the samples
            let entries = Float(tokens * width) * Float(tokens * width)
            let sum = gramProduct(tape.reshape(ht, rows), tape.reshape(hc, rows), detachNorm: true, on: tape)
            return tape.scale(sum, by: 1 / entries)
        }
    }

    /// Σ over the leading index of ‖normalise(a)ᵀ normalise(b)‖²_F, rows normalised.  a, b: [n, rows, width]
    private func gramProduct(_ a: Variable, _ b: Variable, detachNorm: Bool, on tape: Tape) -> Variable {
        let na = tape.l2Normalize(a, eps: Self.normEpsilon, detachNorm: detachNorm)
        let nb = tape.l2Normalize(b, eps: Self.normEpsilon, detachNorm: detachNorm)
        let gramA = tape.matmul(na, na, transposeB: true)      // [n, rows, rows]
        let gramB = tape.matmul(nb, nb, transposeB: true)
        return tape.sum(tape.mul(gramA, gramB))
    }

    /// task.*, client.*
    public func visitParameters(_ visit: (String, Variable) -> Void) {
        task.visitParameters { visit("task." + $0, $1) }
        client.visitParameters { visit("client." + $0, $1) }
    }
}
