/// What each square patch of a scene's picture shows: the targets that pretrain the vision encoder.
///
/// pilot-tiny's encoder sees the 32×32 picture as 8×8-pixel patches. Its first pretraining stage
/// (the CLIP analog, docs/design.md) learns to say, for every patch, which object covers it (colour,
/// shape, size, grid cell), which letters of a sign lie on it, and what the background is, so that
/// the features the language model later reads carry what the tasks ask about. Every label is a
/// class index; `none` (the last class of a group) marks a patch with nothing of that kind.
public struct PatchLabels: Hashable, Sendable {
    /// One kind of label and its number of classes (including `none`).
    public enum Group: Int, CaseIterable, Sendable {
        /// Colour of the object covering the patch.
        case color
        /// Shape of that object.
        case shape
        case size
        /// Its grid cell, as an index of `GridCell.all`.
        case cell
        /// The letter whose glyph centre lies in the left half of the patch.
        case leftGlyph
        /// The letter whose glyph centre lies in the right half of the patch.
        case rightGlyph
        /// The background style (the same on every patch).
        case background

        /// Classes of the group, `none` included where a patch can have nothing of the kind.
        public var classes: Int {
            switch self {
            case .color: return ObjectColor.allCases.count + 1
            case .shape: return ObjectShape.allCases.count + 1
            case .size: return ObjectSize.allCases.count + 1
            case .cell: return GridCell.all.count + 1
            case .leftGlyph, .rightGlyph: return PatchLabels.letters.count + 1
            case .background: return BackgroundStyle.allCases.count
            }
        }
    }

    /// The letters a sign can show, in class order.
    public static let letters = Array("abcdefghijklmnopqrstuvwxyz")

    /// Patches per side.
    public let grid: Int
    /// labels[group][patch], patches row by row.
    public let labels: [[Int32]]

    /// The labels of `scene` seen as `patch`×`patch`-pixel patches.
    ///
    /// An object labels every patch its bounding box overlaps (the object with the larger overlap
    /// wins where two meet). A glyph labels every patch its 5 rows overlap, in the half of the patch
    /// where its centre column lies; sign letters are 4 pixels apart, so each half holds at most one.
    public init(scene: Scene, patch: Int) {
        precondition(patch > 0 && Scene.side % patch == 0 && patch % 2 == 0, "patch size \(patch) must be even and divide \(Scene.side)")
        let grid = Scene.side / patch
        self.grid = grid
        var labels = Group.allCases.map { group in [Int32](repeating: Int32(group.classes - 1), count: grid * grid) }
        for index in 0..<(grid * grid) {
            let px = index % grid * patch, py = index / grid * patch
            labels[Group.background.rawValue][index] = Int32(scene.background.index)
            var best = 0
            for object in scene.objects {
                let box = object.pixelBox
                let overlap = max(0, min(box.x2, px + patch) - max(box.x1, px)) * max(0, min(box.y2, py + patch) - max(box.y1, py))
                guard overlap > best else { continue }
                best = overlap
                labels[Group.color.rawValue][index] = Int32(ObjectColor.allCases.firstIndex(of: object.color)!)
                labels[Group.shape.rawValue][index] = Int32(ObjectShape.allCases.firstIndex(of: object.shape)!)
                labels[Group.size.rawValue][index] = Int32(ObjectSize.allCases.firstIndex(of: object.size)!)
                labels[Group.cell.rawValue][index] = Int32(GridCell.all.firstIndex(of: object.cell)!)
            }
        }
        if let sign = scene.sign {
            let top = sign.y + 1
            for (i, character) in sign.word.enumerated() {
                guard let letter = PatchLabels.letters.firstIndex(of: character) else { continue }
                let centre = sign.x + 1 + i * (Glyphs.width + 1) + Glyphs.width / 2
                guard (0..<Scene.side).contains(centre) else { continue }
                let column = centre / patch, group: Group = centre % patch < patch / 2 ? .leftGlyph : .rightGlyph
                for row in Set((top..<(top + Glyphs.height)).filter { (0..<Scene.side).contains($0) }.map { $0 / patch }) {
                    labels[group.rawValue][row * grid + column] = Int32(letter)
                }
            }
        }
        self.labels = labels
    }

    /// The labels of `group`, one per patch, row by row.
    public subscript(group: Group) -> [Int32] { labels[group.rawValue] }
}
