/// Sums, dot products and maxima over a row, in sixteen interleaved partial sums.
///
/// A plain `s += x[j]` loop is one chain of dependent additions (4 cycles each) that the compiler
/// may not reorder; sixteen lanes let it use whole vector registers. The order is fixed by the code
/// (lane j mod 16, lanes added by `SIMD16.sum()`, then the tail in order), so the result is the
/// same on every CPU and at every vector width, only not the same as the sequential sum's.
public enum VectorReduction {
    typealias Lanes = SIMD16<Float>

    @inline(__always)
    static func load(_ p: UnsafePointer<Float>, _ j: Int) -> Lanes {
        UnsafeRawPointer(p + j).loadUnaligned(as: Lanes.self)
    }

    /// Σ x[j], j < n
    @inline(__always)
    public static func sum(_ x: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = Lanes(repeating: 0), j = 0
        while j + Lanes.scalarCount <= n { acc += load(x, j); j += Lanes.scalarCount }
        var s = acc.sum()
        while j < n { s += x[j]; j += 1 }
        return s
    }

    /// Σ x[j]², j < n
    @inline(__always)
    public static func sumOfSquares(_ x: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = Lanes(repeating: 0), j = 0
        while j + Lanes.scalarCount <= n { let v = load(x, j); acc += v * v; j += Lanes.scalarCount }
        var s = acc.sum()
        while j < n { s += x[j] * x[j]; j += 1 }
        return s
    }

    /// Σ (x[j] − c)², j < n
    @inline(__always)
    public static func sumOfSquaredDeviations(_ x: UnsafePointer<Float>, from c: Float, _ n: Int) -> Float {
        var acc = Lanes(repeating: 0), j = 0
        let cv = Lanes(repeating: c)
        while j + Lanes.scalarCount <= n { let d = load(x, j) - cv; acc += d * d; j += Lanes.scalarCount }
        var s = acc.sum()
        while j < n { let d = x[j] - c; s += d * d; j += 1 }
        return s
    }

    /// Σ a[j] · b[j], j < n
    @inline(__always)
    public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = Lanes(repeating: 0), j = 0
        while j + Lanes.scalarCount <= n { acc += load(a, j) * load(b, j); j += Lanes.scalarCount }
        var s = acc.sum()
        while j < n { s += a[j] * b[j]; j += 1 }
        return s
    }

    /// Σ a[j] · b[j] · c[j], j < n
    @inline(__always)
    public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = Lanes(repeating: 0), j = 0
        while j + Lanes.scalarCount <= n { acc += load(a, j) * load(b, j) * load(c, j); j += Lanes.scalarCount }
        var s = acc.sum()
        while j < n { s += a[j] * b[j] * c[j]; j += 1 }
        return s
    }

    /// max x[j], j < n (−∞ for n = 0); exact, so the order does not matter (NaNs are not expected).
    @inline(__always)
    public static func maximum(_ x: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = Lanes(repeating: -.infinity), j = 0
        while j + Lanes.scalarCount <= n { let v = load(x, j); acc.replace(with: v, where: v .> acc); j += Lanes.scalarCount }
        var m = acc.max()
        while j < n { m = Swift.max(m, x[j]); j += 1 }
        return m
    }
}
