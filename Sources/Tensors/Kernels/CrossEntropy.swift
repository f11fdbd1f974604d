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
        for r in 0..<rows {
            let d = dlogits + r * vocab, x = logits + r * vocab
            let ignored = targets[r] == ignoreIndex
            for j in 0..<vocab {
                var g: Float = ignored ? 0 : scale * expf(x[j] - lse[r])
                if !ignored && j == Int(targets[r]) { g -= scale }
                if accumulate { d[j] += g } else { d[j] = g }
            }
        }
    }
}
