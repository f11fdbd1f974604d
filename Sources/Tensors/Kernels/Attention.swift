import Foundation

/// Multi-head scaled dot-product attention on [B, T, H, hd] activations (no transposes), full or causal.
///
/// Causal attention lets query i (of Tq) see keys j ≤ i + (Tk − Tq): the queries are the last Tq
/// positions of the key sequence, which covers training (Tq = Tk) and KV-cache decoding alike.
public enum Attention {
    /// out = softmax(scale · Q Kᵀ + mask) V per batch and head; the probabilities are saved for backward.
    ///
    /// q, out: [B, Tq, H, hd]; k, v: [B, capacity, H, hd] of which the first Tk positions are
    /// used (capacity = Tk unless a KV cache is larger); probs: [B, H, Tq, Tk]
    public static func forward(q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
                               out: UnsafeMutablePointer<Float>, probs: UnsafeMutablePointer<Float>,
                               batch: Int, queries: Int, keys: Int, heads: Int, headDim: Int, causal: Bool,
                               keyCapacity: Int? = nil) {
        let row = heads * headDim
        let capacity = keyCapacity ?? keys
        let scale = 1 / sqrtf(Float(headDim))
        Parallel.run(chunks: batch * heads) { bh in
            let b = bh / heads, h = bh % heads
            do {
                let qb = q + b * queries * row + h * headDim
                let kb = k + b * capacity * row + h * headDim
                let vb = v + b * capacity * row + h * headDim
                let p = probs + (b * heads + h) * queries * keys                 // [Tq, Tk]
                BLAS.gemm(transposeB: true, m: queries, n: keys, k: headDim, alpha: scale,
                          a: qb, lda: row, b: kb, ldb: row, c: p, ldc: keys)
                if causal { mask(p, queries: queries, keys: keys) }
                for i in 0..<queries { Softmax.row(p + i * keys, p + i * keys, keys) }
                BLAS.gemm(m: queries, n: headDim, k: keys, a: p, lda: keys, b: vb, ldb: row,
                          c: out + b * queries * row + h * headDim, ldc: row)
            }
        }
    }

    /// Sets the scores a causal query may not see to −∞.  p: [Tq, Tk]
    static func mask(_ p: UnsafeMutablePointer<Float>, queries: Int, keys: Int) {
        let shift = keys - queries
        for i in 0..<queries {
            var j = i + shift + 1
            while j < keys { p[i * keys + j] = -.infinity; j += 1 }
        }
    }

    /// Gradients of `forward` with respect to q, k and v (each optional, each written or accumulated).
    ///
    /// q, dq, dout: [B, Tq, H, hd]; k, v, dk, dv: [B, Tk, H, hd]; probs: [B, H, Tq, Tk]
    public static func backward(q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
                                probs: UnsafePointer<Float>, dout: UnsafePointer<Float>,
                                dq: UnsafeMutablePointer<Float>?, dk: UnsafeMutablePointer<Float>?,
                                dv: UnsafeMutablePointer<Float>?, accumulate: (q: Bool, k: Bool, v: Bool),
                                batch: Int, queries: Int, keys: Int, heads: Int, headDim: Int) {
        let row = heads * headDim
        let scale = 1 / sqrtf(Float(headDim))
        Parallel.run(chunks: batch * heads) { bh in
            let b = bh / heads, h = bh % heads
            let ds = UnsafeMutablePointer<Float>.allocate(capacity: queries * keys)    // [Tq, Tk]
            defer { ds.deallocate() }
            do {
                let off = b * queries * row + h * headDim
                let koff = b * keys * row + h * headDim
                let p = probs + (b * heads + h) * queries * keys                 // [Tq, Tk]
                let dob = dout + off
                if let dv {
                    BLAS.gemm(transposeA: true, m: keys, n: headDim, k: queries, a: p, lda: keys,
                              b: dob, ldb: row, beta: accumulate.v ? 1 : 0, c: dv + koff, ldc: row)
                }
                guard dq != nil || dk != nil else { return }
                BLAS.gemm(transposeB: true, m: queries, n: keys, k: headDim, a: dob, lda: row,
                          b: v + koff, ldb: row, c: ds, ldc: keys)
                Softmax.backward(p, ds, ds, rows: queries, n: keys, accumulate: false)
                if let dq {
                    BLAS.gemm(m: queries, n: headDim, k: keys, alpha: scale, a: ds, lda: keys,
                              b: k + koff, ldb: row, beta: accumulate.q ? 1 : 0, c: dq + off, ldc: row)
                }
                if let dk {
                    BLAS.gemm(transposeA: true, m: keys, n: headDim, k: queries, alpha: scale, a: ds, lda: keys,
                              b: q + off, ldb: row, beta: accumulate.k ? 1 : 0, c: dk + koff, ldc: row)
                }
            }
        }
    }
}
