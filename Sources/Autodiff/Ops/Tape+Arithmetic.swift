import Tensors

extension Tape {
    /// a + b with NumPy broadcasting.
    public func add(_ a: Variable, _ b: Variable) -> Variable { combine(a, b, sign: 1, op: "add") }

    /// a − b with NumPy broadcasting.
    public func sub(_ a: Variable, _ b: Variable) -> Variable { combine(a, b, sign: -1, op: "sub") }

    /// a + sign · b; same shapes take a fast path.
    private func combine(_ a: Variable, _ b: Variable, sign: Float, op: String) -> Variable {
        if a.shape == b.shape {
            var y = Tensor(uninitialized: a.shape)
            let n = y.count
            y.withUnsafeMutablePointer { yp in a.value.withUnsafePointer { ap in b.value.withUnsafePointer { bp in
                if sign == 1 { Elementwise.add(ap, bp, yp, count: n) } else {
                    Elementwise.scale(bp, by: -1, yp, count: n)
                    Elementwise.scale(ap, by: 1, yp, count: n, accumulate: true)
                }
            } } }
            return record(y, inputs: [a, b], op: op) { out in {
                let dy = out.grad!                                      // [n], passed through to a (and to b for a sum)
                if a.requiresGrad { a.accumulateGrad(sharing: dy) }
                if b.requiresGrad {
                    if sign == 1 { b.accumulateGrad(sharing: dy) } else {
                        dy.withUnsafePointer { g in b.accumulateGrad { d, acc in Elementwise.scale(g, by: sign, d, count: n, accumulate: acc) } }
                    }
                }
            } }
        }
        guard let bc = Broadcast(a.shape, b.shape) else { preconditionFailure("cannot broadcast \(a.shape) with \(b.shape)") }
        var y = Tensor(uninitialized: bc.outShape)
        y.withUnsafeMutablePointer { yp in a.value.withUnsafePointer { ap in b.value.withUnsafePointer { bp in
            if sign == 1 { bc.add(ap, bp, yp) } else {
                bc.forEachRun { o, ao, sa, bo, sb, n in for i in 0..<n { yp[o + i] = ap[ao + i * sa] - bp[bo + i * sb] } }
            }
        } } }
        return record(y, inputs: [a, b], op: op) { out in {
            out.grad!.withUnsafePointer { g in
                if a.requiresGrad { a.addIntoGrad { d in bc.reduceIntoA(g, times: nil, scale: 1, d) } }
                if b.requiresGrad { b.addIntoGrad { d in bc.reduceIntoB(g, times: nil, scale: sign, d) } }
            }
        } }
    }

    /// a ⊙ b with NumPy broadcasting.
    public func mul(_ a: Variable, _ b: Variable) -> Variable {
        if a.shape == b.shape {
            var y = Tensor(uninitialized: a.shape)
            let n = y.count
            y.withUnsafeMutablePointer { yp in a.value.withUnsafePointer { ap in b.value.withUnsafePointer { bp in
                Elementwise.mul(ap, bp, yp, count: n, accumulate: false)
            } } }
            return record(y, inputs: [a, b]) { out in {
                out.grad!.withUnsafePointer { g in
                    if a.requiresGrad { a.accumulateGrad { d, acc in b.value.withUnsafePointer { Elementwise.mul(g, $0, d, count: n, accumulate: acc) } } }
                    if b.requiresGrad { b.accumulateGrad { d, acc in a.value.withUnsafePointer { Elementwise.mul(g, $0, d, count: n, accumulate: acc) } } }
                }
            } }
        }
        guard let bc = Broadcast(a.shape, b.shape) else { preconditionFailure("cannot broadcast \(a.shape) with \(b.shape)") }
        var y = Tensor(uninitialized: bc.outShape)
        y.withUnsafeMutablePointer { yp in a.value.withUnsafePointer { ap in b.value.withUnsafePointer { bp in bc.mul(ap, bp, yp) } } }
        return record(y, inputs: [a, b]) { out in {
            out.grad!.withUnsafePointer { g in a.value.withUnsafePointer { ap in b.value.withUnsafePointer { bp in
                if a.requiresGrad { a.addIntoGrad { d in bc.reduceIntoA(g, times: bp, scale: 1, d) } }
                if b.requiresGrad { b.addIntoGrad { d in bc.reduceIntoB(g, times: ap, scale: 1, d) } }
            } } }
        } }
    }

    /// s · x for a constant s.
    public func scale(_ x: Variable, by s: Float) -> Variable {
        var y = Tensor(uninitialized: x.shape)
        let n = y.count
        y.withUnsafeMutablePointer { yp in x.value.withUnsafePointer { Elementwise.scale($0, by: s, yp, count: n) } }
        return record(y, inputs: [x]) { out in {
            out.grad!.withUnsafePointer { g in x.accumulateGrad { d, acc in Elementwise.scale(g, by: s, d, count: n, accumulate: acc) } }
        } }
    }

    /// Σ_k w_k[b] · x_k[b, …]: a weighted sum whose constant weights differ per row of the leading axis.
    ///
    /// Every term has the same shape [B, …] and one weight per row b (FedDPA's instance-wise mix of two
    /// adapters). Row b of the result is computed exactly as `weightedSum` with the weights of row b.
    public func rowWeightedSum(_ terms: [(Variable, [Float])]) -> Variable {
        precondition(!terms.isEmpty, "rowWeightedSum of no terms")
        let shape = terms[0].0.shape
        precondition(!shape.isEmpty, "rowWeightedSum needs a leading row axis")
        let rows = shape[0], per = shape.dropFirst().reduce(1, *)
        for (x, w) in terms {
            precondition(x.shape == shape, "rowWeightedSum terms of shapes \(shape) and \(x.shape)")
            precondition(w.count == rows, "\(w.count) row weights for \(rows) rows")
        }
        var y = Tensor(uninitialized: shape)                                   // [B, …]
        y.withUnsafeMutablePointer { yp in
            for (k, (x, w)) in terms.enumerated() {
                x.value.withUnsafePointer { xp in                              // [B, …]
                    for b in 0..<rows {
                        Elementwise.scale(xp + b * per, by: w[b], yp + b * per, count: per, accumulate: k > 0)
                    }
                }
            }
        }
        return record(y, inputs: terms.map(\.0)) { out in {
            out.grad!.withUnsafePointer { g in                                 // dy: [B, …]
                for (x, w) in terms where x.requiresGrad {
                    x.accumulateGrad { d, acc in                               // dx_k[b] (+)= w_k[b] · dy[b]
                        for b in 0..<rows { Elementwise.scale(g + b * per, by: w[b], d + b * per, count: per, accumulate: acc) }
                    }
                }
            }
        } }
    }

    /// Σ of the given terms, each multiplied by its weight (weights constant): the way losses are combined.
    public func weightedSum(_ terms: [(Variable, Float)]) -> Variable {
        precondition(!terms.isEmpty, "weightedSum of no terms")
        var acc = scale(terms[0].0, by: terms[0].1)
        for (v, w) in terms.dropFirst() { acc = add(acc, w == 1 ? v : scale(v, by: w)) }
        return acc
    }
}
