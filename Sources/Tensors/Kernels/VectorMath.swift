/// Branch-free transcendental functions written so that loops over them auto-vectorise
/// (no libm calls, no rounding instructions beyond SSE2).
///
/// exp: Cody–Waite range reduction and Cephes's degree-6 polynomial (relative error about 2 ulp);
/// inputs above 88.7 are clamped; below −87.3, where e^x is no longer a normal float, the result
/// is exactly 0. Never subnormal: a subnormal operand sends a GEMM down the CPU's micro-code slow path.
///
/// erf: Abramowitz & Stegun 7.1.26, 1 − t·P(t)·e^(−x²) with t = 1 / (1 + 0.3275911·|x|) (absolute
/// error below 1.5e-7 plus exp's; PyTorch's vectorised CPU erf uses the same formula).
public enum VectorMath {
    @inline(__always)
    public static func erf(_ x: Float) -> Float {
        let a = Swift.abs(x)
        let t = 1 / (0.327_591_1 * a + 1)
        var p: Float = 1.061_405_429
        p = p * t - 1.453_152_027
        p = p * t + 1.421_413_741
        p = p * t - 0.284_496_736
        p = p * t + 0.254_829_592
        let y = 1 - p * t * exp(-a * a)
        return x < 0 ? -y : y                                         // a select, so loops still vectorise
    }

    @inline(__always)
    public static func exp(_ x: Float) -> Float {
        let clamped = Swift.min(Swift.max(x, -87.3), 88.7)
        // round(x / ln 2) by the 1.5·2²³ trick: exact for |t| < 2²², no rounding instruction needed.
        let n = (clamped * 1.442_695_04 + 12_582_912) - 12_582_912
        let r = clamped - n * 0.693_359_375 + n * 2.121_944_4e-4
        var p: Float = 1.987_569_15e-4
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 0.166_666_655
        p = p * r + 0.500_000_01
        p = p * r * r + r + 1
        let value = p * Float(bitPattern: UInt32(bitPattern: (Int32(n) &+ 127) &<< 23))
        return x < -87.3 ? 0 : value                                  // a select, so loops still vectorise
    }
}
