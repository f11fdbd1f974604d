/// A picture of examples for people to look at: each image enlarged, with its instruction and answer beside it.
public struct ContactSheet {
    /// How many times each image pixel is enlarged.
    public var imageScale = 4
    /// How many times each font pixel is enlarged.
    public var textScale = 2
    /// Characters per text line before wrapping.
    public var lineWidth = 48
    /// Examples per row of the sheet.
    public var columns = 2

    /// A sheet with the default layout.
    public init() {}

    /// The sheet of `examples`: per example its picture, "Q: instruction" and "A: answer".
    public func render<Sample: InstructionSample>(_ examples: [Sample]) -> RGBImage {
        let side = Scene.side * imageScale
        let charWidth = (Glyphs.width + 1) * textScale, lineHeight = (Glyphs.height + 2) * textScale
        let texts = examples.map { wrap("q: " + $0.instruction) + wrap("a: " + $0.answer) }
        let cellWidth = side + 3 * textScale + lineWidth * charWidth + 4 * textScale
        let rowHeights = stride(from: 0, to: examples.count, by: columns).map { start in
            (start..<min(start + columns, examples.count)).map { max(side, texts[$0].count * lineHeight) }.max()! + 4 * textScale
        }
        var sheet = RGBImage(width: max(1, columns * cellWidth), height: max(1, rowHeights.reduce(0, +)), fill: (250, 250, 250))
        var top = 0
        for (row, height) in rowHeights.enumerated() {
            for column in 0..<columns {
                let index = row * columns + column
                guard index < examples.count else { break }
                let left = column * cellWidth
                blit(SceneRenderer.render(examples[index].scene), into: &sheet, x: left, y: top)
                for (line, text) in texts[index].enumerated() {
                    write(text, into: &sheet, x: left + side + 3 * textScale, y: top + line * lineHeight)
                }
            }
            top += height
        }
        return sheet
    }

    /// `text` in lines of at most `lineWidth` characters, broken at spaces.
    func wrap(_ text: String) -> [String] {
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > lineWidth { lines.append(current); current = "" }
            current += (current.isEmpty ? "" : " ") + word
        }
        return lines + (current.isEmpty ? [] : [current])
    }

    private func blit(_ image: RGBImage, into sheet: inout RGBImage, x: Int, y: Int) {
        for py in 0..<(image.height * imageScale) {
            for px in 0..<(image.width * imageScale) { sheet.plot(x + px, y + py, image[px / imageScale, py / imageScale]) }
        }
    }

    private func write(_ text: String, into sheet: inout RGBImage, x: Int, y: Int) {
        for (i, character) in text.enumerated() {
            for row in 0..<Glyphs.height {
                for column in 0..<Glyphs.width where Glyphs.ink(character, column: column, row: row) {
                    for dy in 0..<textScale {
                        for dx in 0..<textScale {
                            sheet.plot(x + (i * (Glyphs.width + 1) + column) * textScale + dx, y + row * textScale + dy, (20, 20, 30))
                        }
                    }
                }
            }
        }
    }
}
