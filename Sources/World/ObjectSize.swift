/// How big an object is drawn.
public enum ObjectSize: String, CaseIterable, Codable, Hashable, Sendable {
    case small, large

    /// Side of the object's bounding square in pixels.
    public var pixels: Int { self == .small ? 6 : 10 }
}
