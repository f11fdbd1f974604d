import Autodiff
import NN
import Tensors

/// The LLaVA-like model: vision encoder → connector → language model, with the loss on answer tokens only.
public final class MultimodalModel: ParameterContainer {
    public let config: ModelConfig
    /// The frozen encoder (MLP layers trainable in CT-CLIP mode).
    public let vision: VisionEncoder
    /// LLaVA's MLP, or Pilot's stage-1 or stage-2 connector.
    public var connector: any Connector
    /// The decoder with LoRA.
    public let llm: LanguageModel
    /// FedDPA's λ: weight of the local adapter when the LoRA adapters are dual.
    public var localWeight: Float = 0.5
    /// FedDPA's instance-wise λ, one per sequence of the next batches (overrides `localWeight` when set;
    /// its count must equal their batch size).
    public var localWeights: [Float]?

    /// The λ the language model mixes its dual adapters with.
    public var mix: LocalWeight { localWeights.map { .perRow($0) } ?? .uniform(localWeight) }

    /// A model with random weights (a pretrained base is loaded over them) and a LLaVA connector.
    public init(config: ModelConfig = .pilotTiny, dualLoRA: Bool = false, rng: inout RandomStream) {
        self.config = config
        vision = VisionEncoder(config: config, rng: &rng)
        connector = MLPAdapter(inputs: config.visionWidth, hidden: config.connectorHidden, outputs: config.width, rng: &rng)
        llm = LanguageModel(config: config, dualLoRA: dualLoRA, rng: &rng)
        vision.setTrainable(false)
        llm.setTrainable(false)
        for block in llm.layers {
            for (name, p) in [("q", block.q), ("k", block.k), ("v", block.v), ("o", block.o)] where config.loraTargets.contains(name) {
                p.loraA.setTrainable(true); p.loraB.setTrainable(true)
                p.localA?.setTrainable(true); p.localB?.setTrainable(true)
            }
        }
        connector.setTrainable(true)
    }

    /// Vision features [B, tokens, visionWidth] of images [B, 3, H, W]: recorded on `tape` only when the encoder trains.
    public func features(_ images: Tensor, on tape: Tape) -> Variable {
        vision(images, on: tape)
    }

    /// The result of a training forward pass.
    public struct Loss {
        /// L_lm + Σ auxiliary: what backward starts from.
        public let total: Variable
        /// Mean cross-entropy over answer tokens.
        public let languageModel: Float
        /// Each weighted auxiliary loss by name.
        public let auxiliary: [(name: String, value: Float)]
    }

    /// The loss of `batch` given vision features [B, tokens, visionWidth], its answer tokens averaged as `average` says.
    public func loss(features: Variable, batch: TokenBatch, average: LossAverage = .answerTokens, on tape: Tape) -> Loss {
        precondition(features.shape[0] == batch.batch, "\(features.shape[0]) images for \(batch.batch) sequences")
        let connected = connector.connect(features, auxiliary: true, on: tape)
        let text = llm.embed(batch.tokens, batch: batch.batch, on: tape)
        let first = batch.firstTargetPosition(offset: config.visualTokens)
        let hidden = llm.hidden(tape.concat([connected.tokens, text], axis: 1), outputsFrom: first, localWeight: mix, on: tape)
        let (rows, targets) = batch.lossRows(offset: config.visualTokens, from: first)
        let picked = tape.gatherRows(hidden, rows)                  // only answer positions reach norm and head
        let logits = llm.logits(picked, on: tape)                   // [answer tokens, vocabulary]
        let lm: Variable
        switch average {
        case .answerTokens: lm = tape.crossEntropy(logits, targets: targets)
        case .examples: lm = Self.meanOverSequences(logits, targets: targets, sequences: rows.map { $0 / hidden.shape[1] }, on: tape)
        }
        let total = connected.auxiliary.isEmpty ? lm : tape.weightedSum([(lm, 1)] + connected.auxiliary.map { ($0.loss, 1) })
        return Loss(total: total, languageModel: lm.value.scalar,
                    auxiliary: connected.auxiliary.map { ($0.name, $0.loss.value.scalar) })
    }

    /// The mean over sequences of each sequence's mean cross-entropy.  logits: [rows, vocabulary]; targets, sequences: [rows]
    static func meanOverSequences(_ logits: Variable, targets: [Int32], sequences: [Int], on tape: Tape) -> Variable {
        let rowsOf = Dictionary(grouping: sequences.indices, by: { sequences[$0] })
        guard !rowsOf.isEmpty else { return tape.crossEntropy(logits, targets: targets) }   // no answer token: 0, as the token mean
        let weight = 1 / Float(rowsOf.count)
        return tape.weightedSum(rowsOf.keys.sorted().map { sequence in
            let rows = rowsOf[sequence]!
            return (tape.crossEntropy(tape.gatherRows(logits, rows), targets: rows.map { targets[$0] }), weight)
        })
    }

    /// vision.*, connector.*, llm.*
    public func visitParameters(_ visit: (String, Variable) -> Void) {
        vision.visitParameters { visit("vision." + $0, $1) }
        connector.visitParameters { visit("connector." + $0, $1) }
        llm.visitParameters { visit("llm." + $0, $1) }
    }
}
