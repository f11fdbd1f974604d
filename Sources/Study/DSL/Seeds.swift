/// How many training seeds every row runs with (seeds 0, 1, …, n − 1), on how many pretrained bases (base seeds b₀,
/// b₀ + 1, …, b₀ + m − 1, b₀ the plan's `--base-seed`): every seed runs on every base, and rows are paired on each
/// (base, seed) replicate, so the ± and intervals cover the variance between bases as well as between training seeds.
public struct Seeds: StudyComponent, Hashable, Sendable {
    /// The default when a study says nothing: 3.
    public static let standard = 3
    /// Training seeds per base.
    public let count: Int
    /// Pretrained bases.
    public let bases: Int

    /// `count` training seeds on each of `bases` bases.
    public init(_ count: Int, bases: Int = 1) {
        self.count = count
        self.bases = bases
    }

    public var parts: [StudyPart] { [.seeds(count, bases: bases)] }
}
