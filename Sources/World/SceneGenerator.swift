import Tensors

/// Draws random scenes: 1–4 objects in distinct grid cells on a random background, optionally a sign.
public enum SceneGenerator {
    /// Left edge of each grid column (and top edge of each row) in pixels.
    static let cellOrigins = [0, 10, 21]
    /// Width of each grid column (and height of each row) in pixels.
    static let cellExtents = [10, 11, 11]

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
            let x = rng.nextInt(below: Scene.side - width + 1)
            let y = cellOrigins[row] + rng.nextInt(below: cellExtents[row] - height + 1)
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
            let x = cellOrigins[cell.column] + rng.nextInt(below: cellExtents[cell.column] - size.pixels + 1)
            let y = cellOrigins[cell.row] + rng.nextInt(below: cellExtents[cell.row] - size.pixels + 1)
            objects.append(SceneObject(shape: shape, color: color, size: size, cell: cell, x: x, y: y))
        }
        objects.sort { ($0.cell.row, $0.cell.column) < ($1.cell.row, $1.cell.column) }
        return Scene(background: background, backgroundTint: tint, textureSeed: textureSeed, objects: objects, sign: sign)
    }
}
