/// NumPy-style broadcasting of two operands to one output shape, for binary kernels.
///
/// The output is walked as a sequence of runs along its last dimension; in each run an operand
/// either advances (stride 1) or stays (stride 0, a broadcast dimension).
public struct Broadcast {
    public let outShape: [Int]
    /// Element strides of each operand in the output's index space (0 where broadcast).
    let aStrides: [Int], bStrides: [Int]

    /// Broadcasts `a` against `b`; nil when the shapes are incompatible.
    public init?(_ a: [Int], _ b: [Int]) {
        let rank = max(a.count, b.count)
        let pa = Array(repeating: 1, count: rank - a.count) + a
        let pb = Array(repeating: 1, count: rank - b.count) + b
        var out = [Int](repeating: 1, count: rank)
        for d in 0..<rank {
            guard pa[d] == pb[d] || pa[d] == 1 || pb[d] == 1 else { return nil }
            out[d] = max(pa[d], pb[d])
        }
        outShape = out
        aStrides = Broadcast.strides(pa, out)
        bStrides = Broadcast.strides(pb, out)
    }

    private static func strides(_ shape: [Int], _ out: [Int]) -> [Int] {
        var strides = [Int](repeating: 0, count: shape.count)
        var step = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[d] = (shape[d] == 1 && out[d] != 1) ? 0 : step
            step *= shape[d]
        }
        return strides
    }

    /// Calls `body(outOffset, aOffset, aStride, bOffset, bStride, length)` for every run along the last dimension.
    public func forEachRun(_ body: (Int, Int, Int, Int, Int, Int) -> Void) {
        let rank = outShape.count
        guard rank > 0 else { body(0, 0, 0, 0, 0, 1); return }
        let inner = outShape[rank - 1]
        let runs = outShape.dropLast().reduce(1, *)
        guard inner > 0 else { return }
        var index = [Int](repeating: 0, count: max(rank - 1, 0))
        var ao = 0, bo = 0
        for run in 0..<runs {
            body(run * inner, ao, aStrides[rank - 1], bo, bStrides[rank - 1], inner)
            var d = rank - 2
            while d >= 0 {
                index[d] += 1
                ao += aStrides[d]; bo += bStrides[d]
                if index[d] < outShape[d] { break }
                ao -= aStrides[d] * outShape[d]; bo -= bStrides[d] * outShape[d]
                index[d] = 0
                d -= 1
            }
        }
    }

    /// out = a + b broadcast.  a: aShape, b: bShape, out: outShape
    public func add(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
        forEachRun { o, ao, sa, bo, sb, n in
            for i in 0..<n { out[o + i] = a[ao + i * sa] + b[bo + i * sb] }
        }
    }

    /// out = a · b broadcast.  a: aShape, b: bShape, out: outShape
    public func mul(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
        forEachRun { o, ao, sa, bo, sb, n in
            for i in 0..<n { out[o + i] = a[ao + i * sa] * b[bo + i * sb] }
        }
    }

    /// Reduces an output-shaped gradient onto operand A: dA[a] += scale · Σ dOut (· b if `times` is given).
    ///
    /// dOut: outShape, times: bShape (optional), dA: aShape — must be initialised (zero or a running sum).
    public func reduceIntoA(_ dOut: UnsafePointer<Float>, times b: UnsafePointer<Float>?, scale: Float,
                            _ dA: UnsafeMutablePointer<Float>) {
        forEachRun { o, ao, sa, bo, sb, n in
            Broadcast.reduceRun(dOut + o, into: dA + ao, stride: sa, times: b.map { $0 + bo }, timesStride: sb, scale: scale, n)
        }
    }

    /// The same reduction onto operand B: dB[b] += scale · Σ dOut (· a if `times` is given).
    public func reduceIntoB(_ dOut: UnsafePointer<Float>, times a: UnsafePointer<Float>?, scale: Float,
                            _ dB: UnsafeMutablePointer<Float>) {
        forEachRun { o, ao, sa, bo, sb, n in
            Broadcast.reduceRun(dOut + o, into: dB + bo, stride: sb, times: a.map { $0 + ao }, timesStride: sa, scale: scale, n)
        }
    }

    /// One run: d[i·stride] += scale · g[i] (· t[i·timesStride]).  g: [n]
    @inline(__always)
    static func reduceRun(_ g: UnsafePointer<Float>, into d: UnsafeMutablePointer<Float>, stride: Int,
                          times t: UnsafePointer<Float>?, timesStride: Int, scale: Float, _ n: Int) {
        if let t {
            for i in 0..<n { d[i * stride] += scale * g[i] * t[i * timesStride] }
        } else {
            for i in 0..<n { d[i * stride] += scale * g[i] }
        }
    }
}
