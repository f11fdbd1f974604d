import Tensors

/// Paints a `Scene` into a 32×32 RGB picture; the same scene always gives the same bytes.
public enum SceneRenderer {
    /// Ink of the sign's letters.
    static let ink: (UInt8, UInt8, UInt8) = (20, 20, 25)
    /// The sign's plate.
    static let plate: (UInt8, UInt8, UInt8) = (215, 215, 200)

    public static func render(_ scene: Scene) -> RGBImage {
        var image = RGBImage(width: Scene.side, height: Scene.side)
        paintBackground(scene, into: &image)
        for object in scene.objects { paint(object, into: &image) }
        if let sign = scene.sign { paint(sign, into: &image) }
        return image
    }

    private static func paintBackground(_ scene: Scene, into image: inout RGBImage) {
        var rng = RandomStream(seed: scene.textureSeed)
        let tint = scene.backgroundTint.map(Int.init)
        for y in 0..<Scene.side {
            for x in 0..<Scene.side {
                let shade: (Int) -> Int
                switch scene.background {
                case .plain: shade = { $0 }
                case .gradient: shade = { $0 * (12 + y) / 24 }
                case .noise: let n = rng.nextInt(below: 41) - 20; shade = { $0 + n }
                case .stripes: let on = ((x + y) / 3) % 2 == 0; shade = { $0 + (on ? 35 : 0) }
                }
                image[x, y] = (clamp(shade(tint[0])), clamp(shade(tint[1])), clamp(shade(tint[2])))
            }
        }
    }

    private static func paint(_ object: SceneObject, into image: inout RGBImage) {
        let s = object.size.pixels
        let half = Double(s) / 2, bar = Double(max(2, s / 3)) / 2
        for py in 0..<s {
            for px in 0..<s {
                let dx = Double(px) + 0.5 - half, dy = Double(py) + 0.5 - half
                let inside: Bool
                switch object.shape {
                case .square: inside = true
                case .circle: inside = dx * dx + dy * dy <= half * half
                case .triangle: inside = abs(dx) <= Double(py + 1) / Double(s) * half
                case .cross: inside = abs(dx) <= bar || abs(dy) <= bar
                }
                if inside { image.plot(object.x + px, object.y + py, object.color.rgb) }
            }
        }
    }

    private static func paint(_ sign: Sign, into image: inout RGBImage) {
        for y in 0..<sign.height { for x in 0..<sign.width { image.plot(sign.x + x, sign.y + y, plate) } }
        for (i, character) in sign.word.enumerated() {
            let left = sign.x + 1 + i * (Glyphs.width + 1)
            for row in 0..<Glyphs.height {
                for column in 0..<Glyphs.width where Glyphs.ink(character, column: column, row: row) {
                    image.plot(left + column, sign.y + 1 + row, ink)
                }
            }
        }
    }

    private static func clamp(_ v: Int) -> UInt8 { UInt8(min(255, max(0, v))) }
}
