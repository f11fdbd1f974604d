extension Tensor {
    /// Elements drawn from N(mean, std²).
    public static func randomNormal(_ shape: [Int], mean: Float = 0, std: Float = 1,
                                    using rng: inout RandomStream) -> Tensor {
        var t = Tensor(uninitialized: shape)
        let n = t.count
        t.withUnsafeMutablePointer { p in
            for i in 0..<n { p[i] = mean + std * rng.nextNormal() }
        }
        return t
    }

    /// Elements drawn uniformly from [low, high).
    public static func randomUniform(_ shape: [Int], low: Float = 0, high: Float = 1,
                                     using rng: inout RandomStream) -> Tensor {
        var t = Tensor(uninitialized: shape)
        let n = t.count
        t.withUnsafeMutablePointer { p in
            for i in 0..<n { p[i] = low + (high - low) * rng.nextUniform() }
        }
        return t
    }
}
