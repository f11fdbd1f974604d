/// One (pretrained base, training seed) pair a row runs with: the unit every paired comparison and every ± is over.
public struct Replicate: Hashable, Sendable, CustomStringConvertible {
    /// The base's seed.
    public let base: UInt64
    /// The training seed.
    public let seed: UInt64

    public init(base: UInt64, seed: UInt64) {
        self.base = base
        self.seed = seed
    }

    /// "seed 2 on base 1".
    public var description: String { "seed \(seed) on base \(base)" }
}
