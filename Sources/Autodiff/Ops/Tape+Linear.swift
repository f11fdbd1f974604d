import Tensors

extension Tape {
    /// Widths at or below which `linear` is profiled as "linearLowRank": the LoRA products (rank 8, or 24 for
    /// q, k and v's A products taken together), skinny and memory-bound, apart from the frozen projections.
    static let lowRank = 24

    /// y = scale · x Wᵀ + b (+ residual) over the last axis, as torch's `F.linear`.
    ///
    /// x: [..., in]; W: [out, in]; b: [out]; residual: [..., out]; y: [..., out]. Folding `scale`
    /// and `residual` into the GEMM (α and β) saves a pass over the output and its gradient each,
    /// which is how LoRA adds (α/r)·(x Aᵀ)Bᵀ onto the frozen projection.
    public func linear(_ x: Variable, _ weight: Variable, _ bias: Variable? = nil, scale: Float = 1,
                       adding residual: Variable? = nil) -> Variable {
        let inF = weight.shape[1], outF = weight.shape[0]
        precondition(weight.shape.count == 2 && x.shape.last == inF,
                     "linear: input \(x.shape) does not match weight \(weight.shape)")
        if let bias { precondition(bias.shape == [outF], "linear: bias \(bias.shape) for \(outF) outputs") }
        let rows = x.value.count / max(inF, 1)
        let outShape = Array(x.shape.dropLast()) + [outF]
        if let residual { precondition(residual.shape == outShape, "linear: residual \(residual.shape) for output \(outShape)") }
        var y = Tensor(uninitialized: outShape)
        y.withUnsafeMutablePointer { yp in                                   // [rows, out]
            if let residual {
                residual.value.withUnsafePointer { yp.update(from: $0, count: rows * outF) }
            }
            if let bias {
                bias.value.withUnsafePointer { bp in
                    for r in 0..<rows {
                        if residual == nil { (yp + r * outF).update(from: bp, count: outF) } else { for j in 0..<outF { yp[r * outF + j] += bp[j] } }
                    }
                }
            }
            x.value.withUnsafePointer { xp in weight.value.withUnsafePointer { wp in
                BLAS.gemm(transposeB: true, m: rows, n: outF, k: inF, alpha: scale, a: xp, lda: inF, b: wp, ldb: inF,
                          beta: bias == nil && residual == nil ? 0 : 1, c: yp, ldc: outF)
            } }
        }
        let inputs = [x, weight] + (bias.map { [$0] } ?? []) + (residual.map { [$0] } ?? [])
        return record(y, inputs: inputs, op: min(inF, outF) <= Self.lowRank ? "linearLowRank" : #function) { out in {
            let dy = out.grad!                                               // [rows, out]
            dy.withUnsafePointer { g in
                Self.productBackward(g, x, weight, scale: scale)
                if let bias, bias.requiresGrad {
                    bias.addIntoGrad { db in for r in 0..<rows { for j in 0..<outF { db[j] += g[r * outF + j] } } }
                }
                if let residual, residual.requiresGrad { residual.accumulateGrad(sharing: dy) }
            }
        } }
    }

    /// y = x Wᵀ + scale · u Bᵀ, a frozen projection and its low-rank (LoRA) update written into one
    /// buffer, without the copy of the projection's output that `linear(u, b, scale:, adding:
    /// linear(x, weight))` makes: the same products, and the same floats when that projection is
    /// recorded just after u (backward takes u's gradients, then x's).
    ///
    /// x: [..., in]; W: [out, in]; u: [..., r]; B: [out, r]; y: [..., out]
    public func linear(_ x: Variable, _ weight: Variable, lowRank u: Variable, _ b: Variable, scale: Float) -> Variable {
        let inF = weight.shape[1], outF = weight.shape[0], rank = b.shape[1]
        precondition(weight.shape.count == 2 && x.shape.last == inF && b.shape == [outF, rank] && u.shape.last == rank
                     && Array(u.shape.dropLast()) == Array(x.shape.dropLast()),
                     "linear: input \(x.shape), weight \(weight.shape), low-rank input \(u.shape), up-projection \(b.shape)")
        let rows = x.value.count / max(inF, 1)
        var y = Tensor(uninitialized: Array(x.shape.dropLast()) + [outF])
        y.withUnsafeMutablePointer { yp in                                   // [rows, out]
            x.value.withUnsafePointer { xp in weight.value.withUnsafePointer { wp in
                BLAS.gemm(transposeB: true, m: rows, n: outF, k: inF, a: xp, lda: inF, b: wp, ldb: inF, c: yp, ldc: outF)
            } }
            u.value.withUnsafePointer { up in b.value.withUnsafePointer { bp in
                BLAS.gemm(transposeB: true, m: rows, n: outF, k: rank, alpha: scale, a: up, lda: rank, b: bp, ldb: rank,
                          beta: 1, c: yp, ldc: outF)
            } }
        }
        return record(y, inputs: [x, weight, u, b], op: "linearWithLowRank") { out in {
            out.grad!.withUnsafePointer { g in                               // [rows, out]
                Self.productBackward(g, u, b, scale: scale)
                Self.productBackward(g, x, weight, scale: 1)
            }
        } }
    }

    /// The gradients of y = scale · x Wᵀ from dy: dx (=|+=) scale · dy W, then dW (=|+=) scale · dyᵀ x, each when wanted.
    ///
    /// dy: [rows, out]; x: [..., in]; W: [out, in]
    private static func productBackward(_ g: UnsafePointer<Float>, _ x: Variable, _ weight: Variable, scale: Float) {
        let inF = weight.shape[1], outF = weight.shape[0], rows = x.value.count / max(inF, 1)
        if x.requiresGrad {
            x.accumulateGrad { dx, acc in weight.value.withUnsafePointer { wp in
                BLAS.gemm(m: rows, n: inF, k: outF, alpha: scale, a: g, lda: outF, b: wp, ldb: inF,
                          beta: acc ? 1 : 0, c: dx, ldc: inF)
            } }
        }
        if weight.requiresGrad {
            weight.accumulateGrad { dw, acc in x.value.withUnsafePointer { xp in
                BLAS.gemm(transposeA: true, m: outF, n: inF, k: rows, alpha: scale, a: g, lda: outF, b: xp, ldb: inF,
                          beta: acc ? 1 : 0, c: dw, ldc: inF)
            } }
        }
    }

    /// C = op(A) · op(B) over the last two axes, batched over A's leading axes.
    ///
    /// A: [..., m, k] (or [..., k, m] with `transposeA`); B: the same batch or a single matrix
    /// shared by every batch, [k, n] (or [n, k] with `transposeB`); C: [..., m, n].
    public func matmul(_ a: Variable, _ b: Variable, transposeA: Bool = false, transposeB: Bool = false) -> Variable {
        precondition(a.shape.count >= 2 && b.shape.count >= 2, "matmul needs matrices, got \(a.shape) and \(b.shape)")
        let ar = a.shape.count, br = b.shape.count
        let (m, ka) = transposeA ? (a.shape[ar - 1], a.shape[ar - 2]) : (a.shape[ar - 2], a.shape[ar - 1])
        let (kb, n) = transposeB ? (b.shape[br - 1], b.shape[br - 2]) : (b.shape[br - 2], b.shape[br - 1])
        precondition(ka == kb, "matmul: inner dimensions differ in \(a.shape)\(transposeA ? "ᵀ" : "") · \(b.shape)\(transposeB ? "ᵀ" : "")")
        let k = ka
        let batchShape = Array(a.shape.dropLast(2))
        let batch = batchShape.reduce(1, *)
        let shared = br == 2
        precondition(shared || Array(b.shape.dropLast(2)) == batchShape, "matmul: batch shapes \(a.shape) and \(b.shape) differ")
        let lda = a.shape[ar - 1], ldb = b.shape[br - 1]
        let aStep = m * k, bStep = shared ? 0 : k * n
        var c = Tensor(uninitialized: batchShape + [m, n])
        c.withUnsafeMutablePointer { cp in a.value.withUnsafePointer { ap in b.value.withUnsafePointer { bp in
            for i in 0..<batch {
                BLAS.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                          a: ap + i * aStep, lda: lda, b: bp + i * bStep, ldb: ldb, c: cp + i * m * n, ldc: n)
            }
        } } }
        return record(c, inputs: [a, b]) { out in {
            out.grad!.withUnsafePointer { g in a.value.withUnsafePointer { ap in b.value.withUnsafePointer { bp in
                if a.requiresGrad {
                    a.accumulateGrad { da, acc in
                        for i in 0..<batch {
                            let dc = g + i * m * n, bi = bp + i * bStep, dai = da + i * aStep
                            if transposeA {     // A stored [k, m]: dA = op(B) · dCᵀ
                                BLAS.gemm(transposeA: transposeB, transposeB: true, m: k, n: m, k: n,
                                          a: bi, lda: ldb, b: dc, ldb: n, beta: acc ? 1 : 0, c: dai, ldc: m)
                            } else {            // A stored [m, k]: dA = dC · op(B)ᵀ
                                BLAS.gemm(transposeB: !transposeB, m: m, n: k, k: n,
                                          a: dc, lda: n, b: bi, ldb: ldb, beta: acc ? 1 : 0, c: dai, ldc: k)
                            }
                        }
                    }
                }
                if b.requiresGrad {
                    b.accumulateGrad { db, acc in
                        for i in 0..<batch {
                            let dc = g + i * m * n, ai = ap + i * aStep, dbi = db + i * bStep
                            let beta: Float = (acc || (shared && i > 0)) ? 1 : 0
                            if transposeB {     // B stored [n, k]: dB = dCᵀ · op(A)
                                BLAS.gemm(transposeA: true, transposeB: transposeA, m: n, n: k, k: m,
                                          a: dc, lda: n, b: ai, ldb: lda, beta: beta, c: dbi, ldc: k)
                            } else {            // B stored [k, n]: dB = op(A)ᵀ · dC
                                BLAS.gemm(transposeA: !transposeA, m: k, n: n, k: m,
                                          a: ai, lda: lda, b: dc, ldb: n, beta: beta, c: dbi, ldc: n)
                            }
                        }
                    }
                }
            } } }
        } }
    }
}
