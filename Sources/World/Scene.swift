/// A picture of the synthetic world: a background, a few objects and maybe a sign.
public struct Scene: Codable, Hashable, Sendable {
    /// Side of the square image in pixels.
    public static let side = 32
    /// How the background is painted.
    public let background: BackgroundStyle
    /// Base colour of the background (dark, so objects stand out).
    public let backgroundTint: [UInt8]
    /// Seed of the background's texture (noise).
    public let textureSeed: UInt64
    /// The objects, each in its own grid cell.
    public let objects: [SceneObject]
    /// Text written into the picture, if any.
    public let sign: Sign?

    public init(background: BackgroundStyle, backgroundTint: [UInt8], textureSeed: UInt64, objects: [SceneObject], sign: Sign?) {
        self.background = background
        self.backgroundTint = backgroundTint
        self.textureSeed = textureSeed
        self.objects = objects
        self.sign = sign
    }

    /// Objects matching an optional colour and shape.
    public func objects(color: ObjectColor? = nil, shape: ObjectShape? = nil) -> [SceneObject] {
        objects.filter { (color == nil || $0.color == color) && (shape == nil || $0.shape == shape) }
    }
}
