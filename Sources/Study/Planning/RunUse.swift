/// Where a study needs a run: the study, the row and the (base, seed) replicate.
public struct RunUse: Hashable, Sendable, CustomStringConvertible {
    public let study: String
    /// The row's label.
    public let row: String
    /// The base and training seed.
    public let replicate: Replicate

    public init(study: String, row: String, replicate: Replicate) {
        self.study = study
        self.row = row
        self.replicate = replicate
    }

    /// A use on `base` (seed 0's by default) with training seed `seed`.
    public init(study: String, row: String, seed: UInt64, base: UInt64 = 0) {
        self.init(study: study, row: row, replicate: Replicate(base: base, seed: seed))
    }

    /// The training seed.
    public var seed: UInt64 { replicate.seed }

    /// "table1/Pilot seed 0", with " on base 1" when the base is not seed 0's.
    public var description: String { "\(study)/\(row) seed \(replicate.seed)" + (replicate.base == 0 ? "" : " on base \(replicate.base)") }
}
