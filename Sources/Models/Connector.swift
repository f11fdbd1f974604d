import Autodiff
import NN
import Tensors

/// What a connector produces: visual tokens for the language model and its auxiliary losses.
public struct ConnectorOutput {
    /// [B, tokens, width] language embeddings.
    public let tokens: Variable
    /// Weighted auxiliary losses to add to the LM loss (already multiplied by their coefficients).
    public let auxiliary: [(name: String, loss: Variable)]
}

/// Maps vision features [B, tokens, visionWidth] to language tokens: LLaVA's MLP, or Pilot's stages.
public protocol Connector: ParameterContainer {
    /// Visual tokens for features `z`, and the auxiliary losses unless `auxiliary` is false (inference).
    func connect(_ z: Variable, auxiliary: Bool, on tape: Tape) -> ConnectorOutput
}

extension MLPAdapter: Connector {
    /// The LLaVA connector: one MLP, no auxiliary loss.
    public func connect(_ z: Variable, auxiliary: Bool, on tape: Tape) -> ConnectorOutput {
        ConnectorOutput(tokens: self(z, on: tape), auxiliary: [])
    }
}
