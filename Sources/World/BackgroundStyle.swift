/// How a scene's background is painted; the "scene style" that non-IID splits can skew.
public enum BackgroundStyle: String, CaseIterable, Codable, Hashable, Sendable {
    case plain, gradient, noise, stripes

    /// Index used as a category for splits.
    public var index: Int { Self.allCases.firstIndex(of: self)! }
}
