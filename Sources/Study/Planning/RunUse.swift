/// Where a study needs a run: the study, the row and the seed.
public struct RunUse: Hashable, Sendable, CustomStringConvertible {
    /// The study's name.
    public let study: String
    /// The row's label.
    public let row: String
    /// The seed.
    public let seed: UInt64

    /// A use.
    public init(study: String, row: String, seed: UInt64) {
        self.study = study
        self.row = row
        self.seed = seed
    }

    /// "table1/Pilot seed 0".
    public var description: String { "\(study)/\(row) seed \(seed)" }
}
