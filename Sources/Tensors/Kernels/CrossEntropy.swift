import Foundation

/// Mean cross-entropy of logits against target ids, skipping ignored targets.
public enum CrossEntropy {
    /// Target id that contributes nothing to loss or gradient.
    public static let ignoreIndex: Int32 = -100

    /// Returns (mean loss over counted rows, number of counted rows); fills lse.
    ///
    /// logits: [rows, vocab]; targets: [rows]; lse: [rows]
    public static func forward(_ logits: UnsafePointer<Float>, targets: [Int32], lse: UnsafeMutablePointer<Float>,
                               rows: Int, vocab: Int) -> (loss: Float, counted: Int) {
        Softmax.logSumExp(logits, lse, rows: rows, n: vocab)
        var total: Double = 0
        var counted = 0
        for r in 0..<rows where targets[r] != ignoreIndex {
            let t = Int(targets[r])
            precondition(t >= 0 && t < vocab, "target id \(t) outside the vocabulary 0..<\(vocab)")
            total += Double(lse[r] - logits[r * vocab + t])
            counted += 1
        }
        return (counted == 0 ? 0 : Float(total / Double(counted)), counted)
    }

    /// dlogits (=|+=) dloss / counted · (softmax(logits) − onehot(target)) on counted rows, 0 elsewhere.
    ///
    /// logits, dlogits: [rows, vocab]; targets, lse: [rows]
    public static func backward(_ logits: UnsafePointer<Float>, targets: [Int32], lse: UnsafePointer<Float>,
                                dloss: Float, counted: Int, _ dlogits: UnsafeMutablePointer<Float>,
                                rows: Int, vocab: Int, accumulate: Bool) {
        let scale = counted == 0 ? 0 : dloss / Float(counted)
        Parallel.forEachChunk(rows, grain: max(1, Elementwise.grain / max(vocab, 1) / 4)) { rr in
            for r in rr {
                let d = dlogits + r * vocab, x = logits + r * vocab, l = lse[r]
                guard targets[r] != ignoreIndex else {
                    if !accumulate { d.update(repeating: 0, count: vocab) }
                    continue
                }
                let t = Int(targets[r])
                // softmax − onehot, the target's entry outside the vectorised loops
                @inline(__always) func g(_ j: Int) -> Float { scale * VectorMath.exp(x[j] - l) }
                let targetGradient = g(t) - scale
                if accumulate {
                    let before = d[t]
                    for j in 0..<vocab { d[j] += g(j) }
                    d[t] = before + targetGradient
                } else {
                    for j in 0..<vocab { d[j] = g(j) }
                    d[t] = targetGradient
                }
            }
        }
    }
}
