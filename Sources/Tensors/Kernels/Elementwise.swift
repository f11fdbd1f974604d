/// Same-shape element-wise kernels. Each writes `out` (or adds into it when `accumulate` is set).
public enum Elementwise {
    /// Elements per thread below which splitting across threads does not pay.
    public static let grain = 1 << 15

    /// out[n] (=|+=) a[n] + b[n]
    public static func add(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                           _ out: UnsafeMutablePointer<Float>, count: Int) {
        Parallel.forEachChunk(count, grain: grain) { r in
            for i in r { out[i] = a[i] + b[i] }
        }
    }

    /// out[n] (=|+=) scale · x[n]
    public static func scale(_ x: UnsafePointer<Float>, by scale: Float,
                             _ out: UnsafeMutablePointer<Float>, count: Int, accumulate: Bool = false) {
        Parallel.forEachChunk(count, grain: grain) { r in
            if accumulate {
                for i in r { out[i] += scale * x[i] }
            } else {
                for i in r { out[i] = scale * x[i] }
            }
        }
    }

    /// out[n] (=|+=) a[n] * b[n]  (a product, or its backward)
    public static func mul(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                           _ out: UnsafeMutablePointer<Float>, count: Int, accumulate: Bool) {
        Parallel.forEachChunk(count, grain: grain) { r in
            if accumulate {
                for i in r { out[i] += a[i] * b[i] }
            } else {
                for i in r { out[i] = a[i] * b[i] }
            }
        }
    }

    /// Σ x[n]·y[n] in Double.
    public static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int) -> Double {
        var s: Double = 0
        var i = 0
        while i + 8 <= count {
            var part: Float = 0
            for j in i..<(i + 8) { part += x[j] * y[j] }
            s += Double(part)
            i += 8
        }
        while i < count { s += Double(x[i] * y[i]); i += 1 }
        return s
    }
}
