/// One object in a scene: what it looks like and where its bounding box lies.
public struct SceneObject: Codable, Hashable, Sendable {
    public let shape: ObjectShape
    public let color: ObjectColor
    public let size: ObjectSize
    /// The grid cell it sits in.
    public let cell: GridCell
    /// Left pixel column of its bounding box (inclusive).
    public let x: Int
    /// Top pixel row of its bounding box (inclusive).
    public let y: Int

    /// An object whose bounding box starts at pixel (x, y).
    public init(shape: ObjectShape, color: ObjectColor, size: ObjectSize, cell: GridCell, x: Int, y: Int) {
        self.shape = shape
        self.color = color
        self.size = size
        self.cell = cell
        self.x = x
        self.y = y
    }

    /// Bounding box in pixels, [x1, y1, x2, y2) with exclusive right and bottom edges.
    public var pixelBox: (x1: Int, y1: Int, x2: Int, y2: Int) { (x, y, x + size.pixels, y + size.pixels) }

    /// Centre in pixels.
    public var center: (x: Double, y: Double) { (Double(x) + Double(size.pixels) / 2, Double(y) + Double(size.pixels) / 2) }

    /// "small red circle"
    public var fullName: String { "\(size.rawValue) \(color.rawValue) \(shape.rawValue)" }
}
