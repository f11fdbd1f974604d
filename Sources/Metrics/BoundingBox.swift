/// An axis-aligned box given by two corners, `[x1, y1, x2, y2]`, with `x1 ≤ x2` and `y1 ≤ y2` when well formed.
public struct BoundingBox: Equatable, Sendable {
    /// Left edge.
    public var x1: Double
    /// Top edge.
    public var y1: Double
    /// Right edge.
    public var x2: Double
    /// Bottom edge.
    public var y2: Double

    /// A box from its corners, taken as given (reversed corners are not reordered).
    public init(x1: Double, y1: Double, x2: Double, y2: Double) {
        (self.x1, self.y1, self.x2, self.y2) = (x1, y1, x2, y2)
    }

    /// A box from `[x1, y1, x2, y2]`, or nil unless there are exactly four finite numbers.
    public init?(corners: [Double]) {
        guard corners.count == 4, corners.allSatisfy(\.isFinite) else { return nil }
        self.init(x1: corners[0], y1: corners[1], x2: corners[2], y2: corners[3])
    }

    /// Width times height when both are positive, else 0.
    public var area: Double {
        x2 > x1 && y2 > y1 ? (x2 - x1) * (y2 - y1) : 0
    }

    /// Intersection over union with `other`, as `pycocotools.mask.iou` computes it for boxes (iscrowd 0).
    ///
    /// A box with zero or negative width or height (touching corners, a line, or reversed corners
    /// such as `x2 < x1`) overlaps nothing and gets IoU 0 with every box, itself included: pycocotools
    /// converts to `[x, y, w, h]` and skips any pair whose intersection width or height is ≤ 0, which
    /// a negative `w` always produces. Boxes that only touch along an edge also get 0.
    public func intersectionOverUnion(_ other: BoundingBox) -> Double {
        let width = min(x2, other.x2) - max(x1, other.x1)
        let height = min(y2, other.y2) - max(y1, other.y1)
        guard width > 0, height > 0 else { return 0 }
        let intersection = width * height
        return intersection / (area + other.area - intersection)
    }
}
