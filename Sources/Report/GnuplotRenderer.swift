import Foundation

/// Renders a `Chart` with gnuplot into a data file, a script, a PNG and an SVG.
public struct GnuplotRenderer: Sendable {
    /// The gnuplot executable: a name looked up on `PATH`, or a path.
    public let executable: String

    /// A renderer that runs `executable` (default: `gnuplot` on `PATH`).
    public init(executable: String = "gnuplot") {
        self.executable = executable
    }

    /// Writes `<name>.dat`, `<name>.gp`, `<name>.png` (pngcairo) and `<name>.svg` into `directory`; returns their URLs.
    public func render(_ chart: Chart, into directory: URL) throws -> [URL] {
        try chart.validate()
        return []   // TODO
    }
}
