/// How many training seeds every row runs with (seeds 0, 1, …, n − 1); table cells are mean ± std over them.
public struct Seeds: StudyComponent, Hashable, Sendable {
    /// The default when a study says nothing: 3.
    public static let standard = 3
    /// The number of seeds.
    public let count: Int

    /// `count` seeds.
    public init(_ count: Int) { self.count = count }

    /// The setting.
    public var parts: [StudyPart] { [.seeds(count)] }
}
