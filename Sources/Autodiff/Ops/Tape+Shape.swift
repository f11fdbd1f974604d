import Tensors

extension Tape {
    /// The same elements under a new shape (one -1 allowed); no copy.
    public func reshape(_ x: Variable, _ shape: [Int]) -> Variable {
        let y = x.value.reshaped(shape)
        return record(y, inputs: [x]) { out in {
            let g = out.grad!.reshaped(x.shape)
            if x.grad == nil { x.grad = g } else {
                x.accumulateGrad { d, _ in g.withUnsafePointer { Elementwise.scale($0, by: 1, d, count: g.count, accumulate: true) } }
            }
        } }
    }

    /// Axes permuted: result axis i is input axis perm[i] (a copy).
    public func permute(_ x: Variable, _ perm: [Int]) -> Variable {
        precondition(perm.sorted() == Array(0..<x.shape.count), "permute: \(perm) is not a permutation of \(x.shape.count) axes")
        var y = Tensor(uninitialized: perm.map { x.shape[$0] })
        let outShape = y.shape
        y.withUnsafeMutablePointer { yp in x.value.withUnsafePointer { Layout.permute($0, shape: x.shape, perm: perm, yp) } }
        return record(y, inputs: [x]) { out in {
            out.grad!.withUnsafePointer { g in x.accumulateGrad { d, acc in
                Layout.permute(g, shape: outShape, perm: Layout.inverse(perm), d, accumulate: acc)
            } }
        } }
    }

    /// Two axes swapped (a copy).
    public func transpose(_ x: Variable, _ a: Int, _ b: Int) -> Variable {
        var perm = Array(0..<x.shape.count)
        perm.swapAt(a, b)
        return permute(x, perm)
    }

    /// The inputs joined along `axis`; all other extents must agree.
    public func concat(_ xs: [Variable], axis: Int) -> Variable {
        precondition(!xs.isEmpty, "concat of nothing")
        let first = xs[0].shape
        for x in xs {
            precondition(x.shape.count == first.count && x.shape.enumerated().allSatisfy { $0.offset == axis || $0.element == first[$0.offset] },
                         "concat along \(axis): shapes \(xs.map(\.shape)) differ off that axis")
        }
        let outer = first[..<axis].reduce(1, *), inner = first[(axis + 1)...].reduce(1, *)
        let total = xs.reduce(0) { $0 + $1.shape[axis] }
        var shape = first
        shape[axis] = total
        var y = Tensor(uninitialized: shape)
        var offsets: [Int] = []
        y.withUnsafeMutablePointer { yp in
            var at = 0
            for x in xs {
                offsets.append(at)
                x.value.withUnsafePointer { Layout.copyBlock($0, xAxis: x.shape[axis], into: yp, outAxis: total, at: at, outer: outer, inner: inner) }
                at += x.shape[axis]
            }
        }
        return record(y, inputs: xs) { out in {
            out.grad!.withUnsafePointer { g in
                for (x, at) in zip(xs, offsets) where x.requiresGrad {
                    x.accumulateGrad { d, acc in
                        if acc {
                            var part = Tensor(uninitialized: x.shape)
                            part.withUnsafeMutablePointer { Layout.sliceBlock(g, xAxis: total, at: at, into: $0, outAxis: x.shape[axis], outer: outer, inner: inner) }
                            part.withUnsafePointer { Elementwise.scale($0, by: 1, d, count: part.count, accumulate: true) }
                        } else {
                            Layout.sliceBlock(g, xAxis: total, at: at, into: d, outAxis: x.shape[axis], outer: outer, inner: inner)
                        }
                    }
                }
            }
        } }
    }

    /// x[..., range, ...] along `axis`.
    public func slice(_ x: Variable, axis: Int, _ range: Range<Int>) -> Variable {
        precondition(range.lowerBound >= 0 && range.upperBound <= x.shape[axis], "slice \(range) out of axis \(axis) of \(x.shape)")
        let outer = x.shape[..<axis].reduce(1, *), inner = x.shape[(axis + 1)...].reduce(1, *)
        var shape = x.shape
        shape[axis] = range.count
        let full = x.shape[axis]
        var y = Tensor(uninitialized: shape)
        y.withUnsafeMutablePointer { yp in x.value.withUnsafePointer {
            Layout.sliceBlock($0, xAxis: full, at: range.lowerBound, into: yp, outAxis: range.count, outer: outer, inner: inner)
        } }
        return record(y, inputs: [x]) { out in {
            out.grad!.withUnsafePointer { g in x.addIntoGrad { d in
                Layout.copyBlock(g, xAxis: range.count, into: d, outAxis: full, at: range.lowerBound, outer: outer, inner: inner, accumulate: true)
            } }
        } }
    }
}
