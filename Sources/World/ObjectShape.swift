/// The shapes objects in a scene can have.
public enum ObjectShape: String, CaseIterable, Codable, Hashable, Sendable {
    case circle, square, triangle, cross

    /// The word for more than one ("circles").
    public var plural: String { self == .cross ? "crosses" : rawValue + "s" }
}
