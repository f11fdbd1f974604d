import Tensors

/// Draws random scenes: 1–4 objects in distinct grid cells on a random background, optionally a sign.
public enum SceneGenerator {
    /// Left edge of each grid column (and top edge of each row) in pixels.
    static let cellOrigins = [0, 10, 21]
    /// Width of each grid column (and height of each row) in pixels.
    static let cellExtents = [10, 11, 11]
    /// Most pixels an object or sign moves away from the centre of its slot.
    ///
    /// pilot-tiny sees 8×8-pixel patches, so it cannot place an object to the pixel. Within ±1 px a box is
    /// determined by the object's cell and size up to an IoU ≥ 0.5, so grounding tests finding the
    /// referred object, not sub-patch regression; likewise a sign sits in a fixed place, so its
    /// glyphs fall on the same patches.
    public static let maxJitter = 1

    /// Start of an item `length` long in a slot `extent` long from `origin`: centred, moved by at most `maxJitter`.
    static func place(_ length: Int, in extent: Int, from origin: Int, rng: inout RandomStream) -> Int {
        let slack = extent - length
        let low = max(0, slack / 2 - maxJitter / 2)
        return origin + low + rng.nextInt(below: min(slack - low, maxJitter) + 1)
    }

    /// A scene with `objectCount` objects and, when `signWord` is given, a sign with that word.
    ///
    /// With a sign, the sign takes one grid row and the objects sit in the other two rows, so at
    /// most six objects fit.
    public static func scene(objectCount: Int, signWord: String? = nil, rng: inout RandomStream) -> Scene {
        let background = BackgroundStyle.allCases[rng.nextInt(below: BackgroundStyle.allCases.count)]
        let tint = (0..<3).map { _ in UInt8(10 + rng.nextInt(below: 60)) }
        let textureSeed = rng.next()
        var sign: Sign?
        var cells = GridCell.all
        if let signWord {
            let row = rng.nextInt(below: 3)
            let width = signWord.count * (Glyphs.width + 1) + 1, height = Glyphs.height + 2
            let x = place(width, in: Scene.side, from: 0, rng: &rng)
            let y = place(height, in: cellExtents[row], from: cellOrigins[row], rng: &rng)
            sign = Sign(word: signWord, x: x, y: y)
            cells.removeAll { $0.row == row }
        }
        precondition(objectCount <= cells.count, "\(objectCount) objects do not fit in \(cells.count) free cells")
        var objects: [SceneObject] = []
        for _ in 0..<objectCount {
            let cell = cells.remove(at: rng.nextInt(below: cells.count))
            let shape = ObjectShape.allCases[rng.nextInt(below: ObjectShape.allCases.count)]
            let color = ObjectColor.allCases[rng.nextInt(below: ObjectColor.allCases.count)]
            let size = ObjectSize.allCases[rng.nextInt(below: ObjectSize.allCases.count)]
            let x = place(size.pixels, in: cellExtents[cell.column], from: cellOrigins[cell.column], rng: &rng)
            let y = place(size.pixels, in: cellExtents[cell.row], from: cellOrigins[cell.row], rng: &rng)
            objects.append(SceneObject(shape: shape, color: color, size: size, cell: cell, x: x, y: y))
        }
        objects.sort { ($0.cell.row, $0.cell.column) < ($1.cell.row, $1.cell.column) }
        return Scene(background: background, backgroundTint: tint, textureSeed: textureSeed, objects: objects, sign: sign)
    }
}
