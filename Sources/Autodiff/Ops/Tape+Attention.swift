import Tensors

extension Tape {
    /// Multi-head scaled dot-product attention; q: [B, Tq, H, hd], k and v: [B, Tk, H, hd] → [B, Tq, H, hd].
    ///
    /// `causal` masks key j for query i when j > i + (Tk − Tq).
    public func attention(q: Variable, k: Variable, v: Variable, causal: Bool) -> Variable {
        precondition(q.shape.count == 4 && k.shape == v.shape && k.shape.count == 4
                     && q.shape[0] == k.shape[0] && q.shape[2] == k.shape[2] && q.shape[3] == k.shape[3],
                     "attention: q \(q.shape), k \(k.shape), v \(v.shape)")
        let (b, tq, h, hd) = (q.shape[0], q.shape[1], q.shape[2], q.shape[3])
        let tk = k.shape[1]
        var y = Tensor(uninitialized: q.shape)
        var probs = Tensor(uninitialized: [b, h, tq, tk])
        y.withUnsafeMutablePointer { yp in probs.withUnsafeMutablePointer { pp in
            q.value.withUnsafePointer { qp in k.value.withUnsafePointer { kp in v.value.withUnsafePointer { vp in
                Attention.forward(q: qp, k: kp, v: vp, out: yp, probs: pp, batch: b, queries: tq, keys: tk,
                                  heads: h, headDim: hd, causal: causal)
            } } }
        } }
        return record(y, inputs: [q, k, v]) { out in {
            out.grad!.withUnsafePointer { g in probs.withUnsafePointer { pp in
                q.value.withUnsafePointer { qp in k.value.withUnsafePointer { kp in v.value.withUnsafePointer { vp in
                    q.withOptionalGrad { dq, aq in k.withOptionalGrad { dk, ak in v.withOptionalGrad { dv, av in
                        Attention.backward(q: qp, k: kp, v: vp, probs: pp, dout: g, dq: dq, dk: dk, dv: dv,
                                           accumulate: (aq, ak, av), batch: b, queries: tq, keys: tk, heads: h, headDim: hd)
                    } } }
                } } }
            } }
        } }
    }
}
