import Tensors

extension Tape {
    /// Softmax over the last axis.
    public func softmax(_ x: Variable) -> Variable {
        rowwise(x, forward: Softmax.forward, backward: Softmax.backward)
    }

    /// Log-softmax over the last axis.
    public func logSoftmax(_ x: Variable) -> Variable {
        rowwise(x, forward: Softmax.logForward, backward: Softmax.logBackward)
    }

    /// A same-shape op over the rows of the last axis whose backward needs only its output.
    ///
    /// forward(x, y, rows, n); backward(y, dy, dx, rows, n, accumulate) — x, y, dy, dx: [rows, n]
    private func rowwise(_ x: Variable, op: String = #function,
                         forward: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int, Int) -> Void,
                         backward: @escaping (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int, Int, Bool) -> Void) -> Variable {
        let n = x.shape.last ?? 1, rows = x.value.count / max(n, 1)
        var y = Tensor(uninitialized: x.shape)
        y.withUnsafeMutablePointer { yp in x.value.withUnsafePointer { forward($0, yp, rows, n) } }
        return record(y, inputs: [x], op: op) { out in {
            out.grad!.withUnsafePointer { g in out.value.withUnsafePointer { yp in
                x.accumulateGrad { d, acc in backward(yp, g, d, rows, n, acc) }
            } }
        } }
    }

    /// log Σ exp over the last axis, which is removed.  x: [..., n] → [...]
    public func logSumExp(_ x: Variable) -> Variable {
        let n = x.shape.last ?? 1, rows = x.value.count / max(n, 1)
        var y = Tensor(uninitialized: Array(x.shape.dropLast()))
        y.withUnsafeMutablePointer { yp in x.value.withUnsafePointer { Softmax.logSumExp($0, yp, rows: rows, n: n) } }
        return record(y, inputs: [x]) { out in {
            out.grad!.withUnsafePointer { g in out.value.withUnsafePointer { lse in x.value.withUnsafePointer { xp in
                x.accumulateGrad { d, acc in Softmax.logSumExpBackward(xp, lse, g, d, rows: rows, n: n, accumulate: acc) }
            } } }
        } }
    }

    /// Mean cross-entropy of `logits` [..., vocab] against `targets` (one id per row; `CrossEntropy.ignoreIndex` skips a row).
    public func crossEntropy(_ logits: Variable, targets: [Int32]) -> Variable {
        let vocab = logits.shape.last ?? 1, rows = logits.value.count / max(vocab, 1)
        precondition(targets.count == rows, "crossEntropy: \(targets.count) targets for \(rows) rows of logits")
        var lse = Tensor(uninitialized: [rows])
        let result = lse.withUnsafeMutablePointer { l in logits.value.withUnsafePointer {
            CrossEntropy.forward($0, targets: targets, lse: l, rows: rows, vocab: vocab)
        } }
        return record(Tensor(scalar: result.loss), inputs: [logits]) { out in {
            let dloss = out.grad!.scalar
            logits.value.withUnsafePointer { xp in lse.withUnsafePointer { l in
                logits.accumulateGrad { d, acc in
                    CrossEntropy.backward(xp, targets: targets, lse: l, dloss: dloss, counted: result.counted,
                                          d, rows: rows, vocab: vocab, accumulate: acc)
                }
            } }
        } }
    }
}
