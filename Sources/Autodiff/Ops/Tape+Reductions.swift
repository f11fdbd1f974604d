import Tensors

extension Tape {
    /// Σ of all elements → a one-element tensor of shape [].
    public func sum(_ x: Variable) -> Variable { total(x, scale: 1) }

    /// Mean of all elements → shape [].
    public func mean(_ x: Variable) -> Variable { total(x, scale: 1 / Float(max(x.value.count, 1))) }

    private func total(_ x: Variable, scale: Float) -> Variable {
        let n = x.value.count
        let s = x.value.withUnsafePointer { Reduction.sum($0, count: n) } * scale
        return record(Tensor(scalar: s), inputs: [x]) { out in {
            let g = out.grad!.scalar * scale
            x.accumulateGrad { d, acc in
                if acc { for i in 0..<n { d[i] += g } } else { d.update(repeating: g, count: n) }
            }
        } }
    }

    /// Σ over one axis, which is removed (or kept with extent 1 when `keepAxis`).
    public func sum(_ x: Variable, axis: Int, keepAxis: Bool = false) -> Variable { reduce(x, axis: axis, keepAxis: keepAxis, scale: 1) }

    /// Mean over one axis, which is removed (or kept with extent 1 when `keepAxis`).
    public func mean(_ x: Variable, axis: Int, keepAxis: Bool = false) -> Variable {
        reduce(x, axis: axis, keepAxis: keepAxis, scale: 1 / Float(max(x.shape[axis], 1)))
    }

    private func reduce(_ x: Variable, axis: Int, keepAxis: Bool, scale: Float) -> Variable {
        let outer = x.shape[..<axis].reduce(1, *), extent = x.shape[axis], inner = x.shape[(axis + 1)...].reduce(1, *)
        var shape = x.shape
        if keepAxis { shape[axis] = 1 } else { shape.remove(at: axis) }
        var y = Tensor(uninitialized: shape)
        let n = y.count
        y.withUnsafeMutablePointer { yp in
            x.value.withUnsafePointer { Reduction.sumAxis($0, yp, outer: outer, axis: extent, inner: inner) }
            if scale != 1 { for i in 0..<n { yp[i] *= scale } }
        }
        return record(y, inputs: [x]) { out in {
            out.grad!.withUnsafePointer { g in x.accumulateGrad { d, acc in
                Reduction.expandAxis(g, d, scale: scale, outer: outer, axis: extent, inner: inner, accumulate: acc)
            } }
        } }
    }
}
