import Tensors

extension Tape {
    /// LayerNorm over the last axis with weight and bias.  x: [..., n]; weight, bias: [n]
    public func layerNorm(_ x: Variable, weight: Variable, bias: Variable, eps: Float) -> Variable {
        let n = x.shape.last ?? 1, rows = x.value.count / max(n, 1)
        precondition(weight.shape == [n] && bias.shape == [n], "layerNorm: weight \(weight.shape), bias \(bias.shape) for width \(n)")
        var y = Tensor(uninitialized: x.shape)
        var mean = Tensor(uninitialized: [rows]), rstd = Tensor(uninitialized: [rows])
        y.withUnsafeMutablePointer { yp in mean.withUnsafeMutablePointer { mp in rstd.withUnsafeMutablePointer { rp in
            x.value.withUnsafePointer { xp in weight.value.withUnsafePointer { wp in bias.value.withUnsafePointer { bp in
                LayerNorm.forward(xp, wp, bp, yp, mean: mp, rstd: rp, rows: rows, n: n, eps: eps)
            } } }
        } } }
        return record(y, inputs: [x, weight, bias]) { out in {
            out.grad!.withUnsafePointer { g in x.value.withUnsafePointer { xp in weight.value.withUnsafePointer { wp in
                mean.withUnsafePointer { mp in rstd.withUnsafePointer { rp in
                    x.withOptionalGrad { dx, acc in weight.withAddableGrad { dw in bias.withAddableGrad { db in
                        LayerNorm.backward(xp, wp, mean: mp, rstd: rp, g, dx: dx, accumulate: acc, dw: dw, db: db, rows: rows, n: n)
                    } } }
                } }
            } } }
        } }
    }

    /// RMSNorm over the last axis with weight.  x: [..., n]; weight: [n]
    public func rmsNorm(_ x: Variable, weight: Variable, eps: Float) -> Variable {
        let n = x.shape.last ?? 1, rows = x.value.count / max(n, 1)
        precondition(weight.shape == [n], "rmsNorm: weight \(weight.shape) for width \(n)")
        var y = Tensor(uninitialized: x.shape)
        var rstd = Tensor(uninitialized: [rows])
        y.withUnsafeMutablePointer { yp in rstd.withUnsafeMutablePointer { rp in
            x.value.withUnsafePointer { xp in weight.value.withUnsafePointer { wp in
                RMSNorm.forward(xp, wp, yp, rstd: rp, rows: rows, n: n, eps: eps)
            } }
        } }
        return record(y, inputs: [x, weight]) { out in {
            out.grad!.withUnsafePointer { g in x.value.withUnsafePointer { xp in weight.value.withUnsafePointer { wp in
                rstd.withUnsafePointer { rp in
                    x.withOptionalGrad { dx, acc in weight.withAddableGrad { dw in
                        RMSNorm.backward(xp, wp, rstd: rp, g, dx: dx, accumulate: acc, dw: dw, rows: rows, n: n)
                    } }
                }
            } } }
        } }
    }

    /// Each row divided by max(its L2 norm, eps), as torch's `F.normalize(x, dim=-1)`.
    ///
    /// With `detachNorm` the norm is a constant in backward (the gradient is dy / ‖x‖).
    public func l2Normalize(_ x: Variable, eps: Float = 1e-12, detachNorm: Bool = false) -> Variable {
        let n = x.shape.last ?? 1, rows = x.value.count / max(n, 1)
        var y = Tensor(uninitialized: x.shape)
        var norm = Tensor(uninitialized: [rows])
        y.withUnsafeMutablePointer { yp in norm.withUnsafeMutablePointer { np in x.value.withUnsafePointer {
            L2Normalize.forward($0, yp, norm: np, rows: rows, n: n, eps: eps)
        } } }
        return record(y, inputs: [x]) { out in {
            out.grad!.withUnsafePointer { g in out.value.withUnsafePointer { yp in norm.withUnsafePointer { np in
                x.accumulateGrad { d, acc in
                    L2Normalize.backward(yp, norm: np, g, d, rows: rows, n: n, eps: eps, detachNorm: detachNorm, accumulate: acc)
                }
            } } }
        } }
    }
}
