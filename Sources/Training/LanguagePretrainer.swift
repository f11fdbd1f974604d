import Autodiff
import Foundation
import Models
import NN
import Tensors
import World

/// The base's language stage, the Vicuna analog: the language model alone learns the world's text.
///
/// The language model reads `LanguageCorpus` items without pictures and predicts every next token, as an
/// LLM is pretrained, so copying a listed word and the letter before it carry loss on every item.
/// No preset runs it: it costs the rest of the base, and the alignment corpus's choice items teach the letters.
public struct LanguagePretrainer {
    /// Steps (`languageSteps`), batch, learning rate and seed of the stage.
    public let config: PretrainConfig

    public init(config: PretrainConfig) { self.config = config }

    /// Where the stage's items come from: the corpus's stream, split off from the other stages'.
    public static func stream(seed: UInt64) -> RandomStream { DataSetStreams.pretraining(seed: seed).split(0x1A_96) }

    /// Items `indices` as full token sequences: prompt, `<answer>`, answer, `<end>`; `questions` as `LanguageCorpus.item`.
    static func sequences(seed: UInt64, _ indices: Range<Int>, questions: Int? = nil, tokenizer: Tokenizer) -> [[Int32]] {
        let stream = Self.stream(seed: seed)
        return indices.map { index in
            let item = LanguageCorpus.item(index, rng: stream, questions: questions)
            return tokenizer.encode(item.instruction) + [Tokenizer.answerStart] + tokenizer.encode(item.answer) + [Tokenizer.end]
        }
    }

    /// Next-token batch of `sequences`: every position but the last predicts its successor; padding is ignored.
    static func batch(_ sequences: [[Int32]]) -> TokenBatch {
        let length = (sequences.map(\.count).max() ?? 1) - 1
        var tokens = [Int32](repeating: Tokenizer.pad, count: sequences.count * length)                   // [B, T]
        var targets = [Int32](repeating: CrossEntropy.ignoreIndex, count: sequences.count * length)       // [B, T]
        for (b, sequence) in sequences.enumerated() {
            for t in 0..<(sequence.count - 1) {
                tokens[b * length + t] = sequence[t]
                targets[b * length + t] = sequence[t + 1]
            }
        }
        return TokenBatch(tokens: tokens, targets: targets, batch: sequences.count, length: length)
    }

    /// Mean next-token cross-entropy of `llm` on `batch`, text only.
    static func loss(_ llm: LanguageModel, _ batch: TokenBatch, on tape: Tape) -> Variable {
        let first = batch.firstTargetPosition(offset: 0)
        let hidden = llm.hidden(llm.embed(batch.tokens, batch: batch.batch, on: tape), outputsFrom: first, on: tape)   // [B, T − first, width]
        let (rows, targets) = batch.lossRows(offset: 0, from: first)
        return tape.crossEntropy(llm.logits(tape.gatherRows(hidden, rows), on: tape), targets: targets)
    }

    /// Trains the base weights of `llm` in place (LoRA stays untouched); returns the mean loss of the last 20 steps and the wall time.
    public func train(_ llm: LanguageModel, onStep: (Pretrainer.Progress) -> Void = { _ in }) -> (finalLoss: Float, seconds: Double) {
        let tokenizer = Tokenizer()
        let parameters = llm.trainableParameters(prefix: "llm.")
        var optimizer = AdamW(weightDecay: config.weightDecay)
        let schedule = config.stageSchedule(steps: config.languageSteps)
        let start = Date()
        var recent: [Float] = []
        for step in 0..<config.languageSteps {
            let tape = Tape()
            let loss = Self.loss(llm, Self.batch(Self.sequences(seed: config.seed, (step * config.batchSize)..<((step + 1) * config.batchSize),
                                                                tokenizer: tokenizer)), on: tape)
            tape.backward(loss)
            _ = Gradients.clip(parameters, maxNorm: 1)
            optimizer.step(parameters, learningRate: schedule.rate(step: step, totalSteps: config.languageSteps))
            llm.zeroGradients()
            recent = Array((recent + [loss.value.scalar]).suffix(20))
            onStep(Pretrainer.Progress(stage: "language", step: step, totalSteps: config.languageSteps, loss: loss.value.scalar,
                                       elapsed: Date().timeIntervalSince(start)))
        }
        return (recent.reduce(0, +) / Float(max(recent.count, 1)), Date().timeIntervalSince(start))
    }

    /// Share of held-out one-question items whose answer letter is `llm`'s most likely token after `<answer>`.
    public static func accuracy(_ llm: LanguageModel, seed: UInt64, count: Int = 256) -> Double {
        let tokenizer = Tokenizer()
        let sequences = Self.sequences(seed: seed, (1 << 40)..<((1 << 40) + count), questions: 1, tokenizer: tokenizer)
        let batch = Self.batch(sequences)
        let tape = Tape()
        let hidden = llm.hidden(llm.embed(batch.tokens, batch: batch.batch, on: tape), on: tape)   // [B, T, width]
        let answerAt = sequences.map { $0.firstIndex(of: Tokenizer.answerStart)! }
        let logits = llm.logits(tape.gatherRows(hidden, answerAt.enumerated().map { $0 * batch.length + $1 }), on: tape).value  // [count, vocabulary]
        let predicted = NonDifferentiable.argmax(logits)
        let right = (0..<count).filter { Int32(predicted[$0]) == sequences[$0][answerAt[$0] + 1] }.count
        return Double(right) / Double(count)
    }
}
