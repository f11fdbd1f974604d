import Autodiff
import NN
import Tensors

extension MultimodalModel {
    /// Greedy decoding of up to `maxNewTokens` tokens after equal-length prompts [B, P], with a KV cache.
    ///
    /// Each sequence stops at `endToken` (included in its output); a sequence that has ended leaves the
    /// batch (and the cache), so the steps after it cost only the sequences still running.
    /// Returns the new tokens per sequence; `profile`, when given, records the time of every op.
    public func generate(features: Tensor, prompts: [Int32], batch: Int, maxNewTokens: Int, endToken: Int32,
                         profile: OpProfile? = nil) -> [[Int32]] {
        let tape = Tape(inference: true)
        tape.profile = profile
        let promptLength = prompts.count / max(batch, 1)
        let cache = llm.makeCache(batch: batch, capacity: config.visualTokens + promptLength + maxNewTokens)
        let visual = connector.connect(Variable(features), auxiliary: false, on: tape).tokens
        var x = tape.concat([visual, llm.embed(prompts, batch: batch, on: tape)], axis: 1)   // [B, 16 + P, width]
        var decoded = GreedyOutputs(batch: batch, endToken: endToken)
        var running = Array(0..<batch)                    // the sequences still in the batch, by their index in it
        var weight = mix
        for _ in 0..<maxNewTokens {
            let last = llm.hidden(x, cache: cache, outputsFrom: x.shape[1] - 1, localWeight: weight, on: tape)   // [running, 1, width]
            let next = lastPositionArgmax(last, on: tape)
            let stillRunning = decoded.append(next, rows: running)   // positions in `running`
            if stillRunning.isEmpty { break }
            var tokens = next
            if stillRunning.count < running.count {
                cache.keep(rows: stillRunning)
                tokens = stillRunning.map { next[$0] }
                if case let .perRow(weights) = weight { weight = .perRow(stillRunning.map { weights[$0] }) }
                running = stillRunning.map { running[$0] }
            }
            x = llm.embed(tokens, batch: running.count, on: tape)    // [running, 1, width]
        }
        return decoded.tokens
    }

    /// The most likely next token after the last position of hidden states h: [B, T, width] → [B].
    private func lastPositionArgmax(_ h: Variable, on tape: Tape) -> [Int32] {
        let last = tape.slice(h, axis: 1, (h.shape[1] - 1)..<h.shape[1])              // [B, 1, width]
        return NonDifferentiable.argmax(llm.logits(last, on: tape).value).map { Int32($0) }
    }

    /// The same decoding without a cache: the whole sequence is run again for every token (the reference for tests).
    public func generateWithoutCache(features: Tensor, prompts: [Int32], batch: Int, maxNewTokens: Int, endToken: Int32) -> [[Int32]] {
        let tape = Tape(inference: true)
        let visual = connector.connect(Variable(features), auxiliary: false, on: tape).tokens
        var ids = prompts
        let promptLength = prompts.count / max(batch, 1)
        var decoded = GreedyOutputs(batch: batch, endToken: endToken)
        for step in 0..<maxNewTokens {
            let h = llm.hidden(tape.concat([visual, llm.embed(ids, batch: batch, on: tape)], axis: 1), localWeight: mix, on: tape)
            let next = lastPositionArgmax(h, on: tape)
            if decoded.append(next) { break }
            let length = promptLength + step                                             // append one token per sequence
            ids = (0..<batch).flatMap { b in ids[(b * length)..<((b + 1) * length)] + [next[b]] }
        }
        return decoded.tokens
    }
}

/// Greedy outputs of a batch: each sequence's tokens up to and including its end token.
struct GreedyOutputs {
    /// The new tokens per sequence.
    private(set) var tokens: [[Int32]]
    let endToken: Int32

    init(batch: Int, endToken: Int32) {
        tokens = Array(repeating: [], count: batch)
        self.endToken = endToken
    }

    /// Records one step's tokens of sequences `rows` (`next[i]` is sequence `rows[i]`'s); returns the
    /// positions i whose sequence has not ended.
    mutating func append(_ next: [Int32], rows: [Int]) -> [Int] {
        var running: [Int] = []
        for (i, b) in rows.enumerated() {
            tokens[b].append(next[i])
            if next[i] != endToken { running.append(i) }
        }
        return running
    }

    /// Records one step's tokens of every sequence that has not ended; returns whether all have.
    mutating func append(_ next: [Int32]) -> Bool {
        let rows = tokens.indices.filter { tokens[$0].last != endToken }
        return append(rows.map { next[$0] }, rows: rows).isEmpty
    }
}
