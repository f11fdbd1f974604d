import Autodiff
import NN
import Tensors

extension MultimodalModel {
    /// Greedy decoding of up to `maxNewTokens` tokens after equal-length prompts [B, P], with a KV cache.
    ///
    /// Each sequence stops at `endToken` (included in its output); the batch stops when all have.
    /// Returns the new tokens per sequence.
    public func generate(features: Tensor, prompts: [Int32], batch: Int, maxNewTokens: Int, endToken: Int32) -> [[Int32]] {
        let tape = Tape()
        let promptLength = prompts.count / max(batch, 1)
        let cache = llm.makeCache(batch: batch, capacity: config.visualTokens + promptLength + maxNewTokens)
        let visual = connector.connect(Variable(features), on: tape).tokens
        var x = tape.concat([visual, llm.embed(prompts, batch: batch, on: tape)], axis: 1)
        var outputs = [[Int32]](repeating: [], count: batch)
        var finished = [Bool](repeating: false, count: batch)
        for _ in 0..<maxNewTokens {
            let h = llm.hidden(x, cache: cache, localWeight: localWeight, on: tape)
            let last = tape.slice(h, axis: 1, (h.shape[1] - 1)..<h.shape[1])          // [B, 1, width]
            let next = NonDifferentiable.argmax(llm.logits(last, on: tape).value).map { Int32($0) }
            for b in 0..<batch where !finished[b] {
                outputs[b].append(next[b])
                if next[b] == endToken { finished[b] = true }
            }
            if finished.allSatisfy({ $0 }) { break }
            x = llm.embed(next, batch: batch, on: tape)
        }
        return outputs
    }

    /// The same decoding without a cache: the whole sequence is run again for every token (the reference for tests).
    public func generateWithoutCache(features: Tensor, prompts: [Int32], batch: Int, maxNewTokens: Int, endToken: Int32) -> [[Int32]] {
        let tape = Tape()
        let visual = connector.connect(Variable(features), on: tape).tokens
        var sequences = (0..<batch).map { b in Array(prompts[(b * prompts.count / batch)..<((b + 1) * prompts.count / batch)]) }
        var outputs = [[Int32]](repeating: [], count: batch)
        var finished = [Bool](repeating: false, count: batch)
        for _ in 0..<maxNewTokens {
            let ids = sequences.flatMap { $0 }
            let h = llm.hidden(tape.concat([visual, llm.embed(ids, batch: batch, on: tape)], axis: 1), localWeight: localWeight, on: tape)
            let last = tape.slice(h, axis: 1, (h.shape[1] - 1)..<h.shape[1])
            let next = NonDifferentiable.argmax(llm.logits(last, on: tape).value).map { Int32($0) }
            for b in 0..<batch {
                sequences[b].append(next[b])
                if !finished[b] { outputs[b].append(next[b]); finished[b] = next[b] == endToken }
            }
            if finished.allSatisfy({ $0 }) { break }
        }
        return outputs
    }
}
