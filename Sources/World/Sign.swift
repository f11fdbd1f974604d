/// A light plate with a word written on it in bitmap glyphs (what OCR questions read).
public struct Sign: Codable, Hashable, Sendable {
    /// The word, lower case, from `Lexicon.signWords`.
    public let word: String
    /// Left pixel column of the plate.
    public let x: Int
    /// Top pixel row of the plate.
    public let y: Int

    /// A sign whose plate starts at pixel (x, y).
    public init(word: String, x: Int, y: Int) {
        self.word = word
        self.x = x
        self.y = y
    }

    /// Plate width in pixels: one pixel of margin, 3-pixel glyphs with 1-pixel gaps.
    public var width: Int { word.count * (Glyphs.width + 1) + 1 }
    /// Plate height in pixels.
    public var height: Int { Glyphs.height + 2 }
}
