import Foundation

/// The fixed look of every figure, so that figures match each other and render byte-identically.
enum ChartStyle {
    /// Width of the PNG and SVG in pixels.
    static let width = 800
    /// Height of the PNG and SVG in pixels.
    static let height = 480
    /// A font every Debian with gnuplot has (fonts-dejavu-core), named so fontconfig's choice never varies.
    static let font = "DejaVu Sans,10"
    /// The background colour.
    static let background = "#ffffff"
    /// Series colours in order: the Okabe–Ito colour-blind-safe palette (its yellow swapped for brown).
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C564B"]
    /// gnuplot point types in order: filled circle, square, triangle, inverted triangle, diamond, pentagon.
    static let pointTypes = [7, 5, 9, 11, 13, 15]
    /// Colour of grid lines.
    static let gridColour = "#d9d9d9"
    /// Colour of the y = 0 line.
    static let zeroLineColour = "#444444"

    /// The `set linetype` command for the series at `index` (0-based): colour, width, point shape and, past
    /// the palette's end, a dash pattern so that every series stays distinguishable.
    static func linetype(_ index: Int) -> String {
        let colour = palette[index % palette.count]
        let point = pointTypes[index % pointTypes.count]
        let dash = index / palette.count + 1
        return "set linetype \(index + 1) lc rgb '\(colour)' lw 2 pt \(point) ps 1.2 dt \(dash)"
    }

    /// The terminal settings for one output format, shared by every figure.
    static func terminal(_ format: String, width: Int = width) -> String {
        "set terminal \(format) size \(width),\(height) font '\(font)' noenhanced background rgb '\(background)'"
    }
}
