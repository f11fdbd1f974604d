import Autodiff
import Models
import Tensors
import World

/// FedDPA's instance-wise dynamic weighting (Yang, Long, Shen, Jiang & Blumenstein, "Dual-Personalizing
/// Adapter for Federated Foundation Models", NeurIPS 2024, §4.3): at inference each test instance mixes
/// the global and the local LoRA with its own weight λ_x, from how similar its instruction is to the
/// client's training instructions.
///
/// The authors' released code (`GlobalModel_generated.py`, `get_weight`) runs the model with the local
/// adapter on the test instruction and on 5 randomly drawn training instructions, takes the final
/// hidden states (last token by default, or their mean over positions), averages the cosine similarity
/// of the test instance to the 5, and multiplies by a maximum weight (0.5 by default); λ_x is the local
/// adapter's share.
///
/// Our choice, exactly:
/// - representation e(x): the language model with the local adapter alone (λ = 1) reads the prompt
///   (instruction tokens and `<answer>`, no picture); e(x) is the mean over those positions of the
///   final-normed hidden states (the code's "avg" option, which does not depend on where a prompt ends);
/// - similarity s(x) = mean over *all* the client's training instructions j of cos(e(x), e(x_j)): the
///   expectation of the code's 5-sample estimate, without its randomness;
/// - λ_x = λ_max · clamp(s(x), 0, 1), λ_max = `Method.fedDPA(localWeight:)` (default 0.5, the code's).
///
/// Training mixes the adapters with λ_max itself (`MultimodalModel.localWeight`).
public struct FedDPAInstanceWeight {
    /// λ_max: the local share of an instance identical in representation to every training instruction.
    public let maximum: Float
    /// Prompts embedded per forward pass.
    public var batchSize = 64

    /// A weighting with largest local weight `maximum`.
    public init(maximum: Float) { self.maximum = maximum }

    /// λ_x of every test prompt, given the client's training prompts, under `model`'s current adapters.
    public func weights(_ model: MultimodalModel, test: [[Int32]], train: [[Int32]]) -> [Float] {
        Self.weights(test: representations(model, prompts: test), train: representations(model, prompts: train), maximum: maximum)
    }

    /// λ_i = maximum · clamp(mean_j cos(test_i, train_j), 0, 1), in `Double` and rounded once.  test: N × [d], train: M × [d]
    public static func weights(test: [[Float]], train: [[Float]], maximum: Float) -> [Float] {
        precondition(!train.isEmpty, "FedDPA's weight needs training instructions")
        let normalised = train.map(unit)
        return test.map { t in
            let u = unit(t)
            let mean = normalised.reduce(0.0) { sum, r in sum + zip(u, r).reduce(0.0) { $0 + $1.0 * $1.1 } } / Double(train.count)
            return Float(Double(maximum) * min(max(mean, 0), 1))
        }
    }

    /// The vector scaled to unit length, in `Double` (a zero vector stays zero: similarity 0).
    static func unit(_ v: [Float]) -> [Double] {
        let norm = v.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        return v.map { norm > 0 ? Double($0) / norm : 0 }
    }

    /// e(x) of every prompt: mean over its positions of the final-normed hidden states with the local adapter alone.
    public func representations(_ model: MultimodalModel, prompts: [[Int32]]) -> [[Float]] {
        let width = model.config.width
        var out: [[Float]] = []
        for start in stride(from: 0, to: prompts.count, by: batchSize) {
            let chunk = Array(prompts[start..<min(start + batchSize, prompts.count)])
            let length = chunk.map(\.count).max() ?? 0
            // Right padding: the causal decoder never lets a pad change an earlier position.
            var ids = [Int32](repeating: Tokenizer.pad, count: chunk.count * length)     // [B, T]
            for (b, prompt) in chunk.enumerated() { for (t, id) in prompt.enumerated() { ids[b * length + t] = id } }
            let tape = Tape(inference: true)
            let h = model.llm.hidden(model.llm.embed(ids, batch: chunk.count, on: tape), localWeight: .uniform(1), on: tape)
            let normed = tape.rmsNorm(h, weight: model.llm.finalNorm, eps: model.config.rmsNormEps).value   // [B, T, width]
            normed.withUnsafePointer { p in
                for (b, prompt) in chunk.enumerated() {
                    var mean = [Double](repeating: 0, count: width)
                    for t in 0..<prompt.count { for d in 0..<width { mean[d] += Double(p[(b * length + t) * width + d]) } }
                    out.append(mean.map { Float($0 / Double(max(prompt.count, 1))) })
                }
            }
        }
        return out
    }
}
