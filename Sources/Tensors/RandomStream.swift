import Foundation

/// A seeded, splittable pseudo-random stream (xoshiro256** seeded through SplitMix64).
///
/// There is no global generator: every consumer of randomness is handed a stream. `split(_:)`
/// derives an independent child stream from this stream's *key* and a label, so the child does
/// not depend on how many numbers the parent has drawn: `RandomStream(seed: 7).split(3)` is the
/// same stream wherever and whenever it is made.
public struct RandomStream: RandomNumberGenerator, Sendable {
    /// Identity of the stream: the seed, mixed with every label on the path that split it.
    public let key: UInt64
    private var state: (UInt64, UInt64, UInt64, UInt64)
    private var spareNormal: Float?

    /// The root stream of `seed`.
    public init(seed: UInt64) {
        self.init(key: RandomStream.mix(seed ^ 0x5049_4C4F_5430_0001))
    }

    private init(key: UInt64) {
        self.key = key
        var sm = key
        state = (RandomStream.splitMix(&sm), RandomStream.splitMix(&sm),
                 RandomStream.splitMix(&sm), RandomStream.splitMix(&sm))
        spareNormal = nil
    }

    /// An independent stream derived from this stream's key and `label`.
    public func split(_ label: UInt64) -> RandomStream {
        RandomStream(key: RandomStream.mix(key &+ RandomStream.mix(label &+ 0x9E37_79B9_7F4A_7C15)))
    }

    /// An independent stream derived from this stream's key and a path of labels.
    public func split(_ labels: UInt64...) -> RandomStream {
        labels.reduce(self) { $0.split($1) }
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = RandomStream.rotl(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = RandomStream.rotl(state.3, 45)
        return result
    }

    /// A uniform `Float` in [0, 1) with 24 random bits.
    public mutating func nextUniform() -> Float {
        Float(next() >> 40) * (1.0 / 16_777_216.0)
    }

    /// A standard normal `Float` (Box–Muller, both values used).
    public mutating func nextNormal() -> Float {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        var u1 = Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
        if u1 < 1e-300 { u1 = 1e-300 }
        let u2 = Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
        let radius = (-2.0 * log(u1)).squareRoot()
        let angle = 2.0 * Double.pi * u2
        spareNormal = Float(radius * sin(angle))
        return Float(radius * cos(angle))
    }

    /// A uniform integer in 0..<upperBound.
    public mutating func nextInt(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "nextInt(below:) needs a positive bound, got \(upperBound)")
        return Int(next(upperBound: UInt64(upperBound)))
    }

    /// `items` in a random order (Fisher–Yates from the last position down).
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var out = items
        for i in stride(from: out.count - 1, to: 0, by: -1) { out.swapAt(i, nextInt(below: i + 1)) }
        return out
    }

    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    private static func splitMix(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        return mix(x)
    }

    /// SplitMix64's finaliser: a bijective 64-bit mixing function.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
