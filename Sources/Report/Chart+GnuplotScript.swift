import Foundation

extension Chart {
    /// The file names of a rendered chart, in the order `GnuplotRenderer.render` returns them.
    public var fileNames: [String] {
        ["dat", "gp", "png", "svg"].map { "\(name).\($0)" }
    }

    /// The contents of `<name>.gp`: run from the chart's directory, it reads `<name>.dat` and writes
    /// `<name>.png` (pngcairo) and `<name>.svg`, both 800×480 in DejaVu Sans with a fixed palette.
    ///
    /// `GnuplotRenderer` runs it with `gnuplot -d`, which reads no initialization file. Run by hand,
    /// its opening `reset` and explicit settings (decimal sign, encoding, every linetype it uses,
    /// terminals) undo what a user's `~/.gnuplot` may set. (Not `reset session`: that re-reads `~/.gnuplot`.)
    func gnuplotScript() -> String {
        var lines = [
            "# \(name).gp: \(GnuplotText.singleLine(title))",
            "# Written by Pilot's Report module. Reproduce with: cd <this directory> && gnuplot \(name).gp",
            "# Reads \(name).dat; writes \(name).png (pngcairo) and \(name).svg.",
            "reset",
            "unset decimalsign",
            "set encoding utf8",
        ]
        lines += (0..<max(seriesCount, 1)).map(ChartStyle.linetype)
        guard case .panels(let panels) = kind else {
            let (settings, plot) = plotCommands(dataFile: "\(name).dat", index: nil, key: "set key outside right top vertical Left reverse")
            lines += ["set title \(GnuplotText.quoted(title))"] + settings
            lines += [
                ChartStyle.terminal("pngcairo"),
                "set output \(GnuplotText.quoted("\(name).png"))",
                plot,
                ChartStyle.terminal("svg"),
                "set output \(GnuplotText.quoted("\(name).svg"))",
                "replot",
                "unset output",
            ]
            return lines.joined(separator: "\n") + "\n"
        }
        // A multiplot cannot be replotted: each terminal draws every panel again. The panels share the width left of a
        // column for the one legend, which the last panel draws there in screen coordinates.
        let width = max(800, 360 * panels.count + 160)
        let legendColumn = 150.0 / Double(width)
        let offsets = panelIndexOffsets
        for (terminal, file) in [("pngcairo", "\(name).png"), ("svg", "\(name).svg")] {
            lines += [ChartStyle.terminal(terminal, width: width), "set output \(GnuplotText.quoted(file))",
                      "set multiplot layout 1,\(panels.count) title \(GnuplotText.quoted(title)) "
                      + "margins 0.06,\(GnuplotText.number(1 - legendColumn)),0.16,0.86 spacing 0.06,0.1"]
            for (index, panel) in panels.enumerated() {
                let key = index == panels.count - 1 ? "set key at screen 0.995,0.86 right top vertical Left reverse" : "unset key"
                let (settings, plot) = panel.plotCommands(dataFile: "\(name).dat", index: offsets[index], key: key)
                lines += ["reset", "unset decimalsign", "set encoding utf8", "set title \(GnuplotText.quoted(panel.title))"] + settings + [plot]
            }
            lines += ["unset multiplot", "unset output"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The settings and the `plot` command of one (single-panel) chart reading `dataFile`; `index` is its first data
    /// block when it is a panel of a multiplot, `key` its legend setting.
    func plotCommands(dataFile: String, index: Int?, key: String) -> (settings: [String], plot: String) {
        let file = GnuplotText.quoted(dataFile)
        let block = { (i: Int) in index.map { " index \($0 + i)" } ?? "" }
        var lines = [
            "set xlabel \(GnuplotText.quoted(xLabel))",
            "set ylabel \(GnuplotText.quoted(yLabel))",
            "set border 3",
            "set tics nomirror",
            "set grid ytics lt 1 lc rgb '\(ChartStyle.gridColour)' lw 1",
            key,
        ]
        if zeroLine {
            lines += [
                "set xzeroaxis lc rgb '\(ChartStyle.zeroLineColour)' lw 1 dt 2",
                "set yrange [*<0:0<*]",
            ]
        }
        let plot: String
        switch kind {
        case .groupedBars(let categories, let series):
            lines += [
                "set style data histograms",
                "set style histogram errorbars gap 2 lw 1",
                "set style fill solid 0.85 border rgb '#333333'",
                "set yrange [*<0:0<*]",
                "set xtics scale 0",
            ]
            if categories.count > 8 || categories.contains(where: { $0.count > 12 }) {
                lines.append("set xtics rotate by 30 right")
            }
            let columns = series.enumerated().map { i, one in
                let using = i == 0 ? "using 2:3:4:xtic(1)" : "using \(3 * i + 2):\(3 * i + 3):\(3 * i + 4)"
                return "\(file)\(block(0)) \(using) title \(GnuplotText.quoted(one.name)) lt \(i + 1)"
            }
            plot = "plot " + columns.joined(separator: ", \\\n     ")
        case .lines(let chartLines):
            lines += xAxisSettings(xs: chartLines.flatMap { $0.points.map(\.x) }, ticAtEveryX: true)
            lines.append("set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05")
            let curves = chartLines.enumerated().map { i, line in
                "\(file) index \((index ?? 0) + i) using 1:2:3:4 with yerrorlines lt \(i + 1) title \(GnuplotText.quoted(line.name))"
            }
            plot = "plot " + curves.joined(separator: ", \\\n     ")
        case .scatter(let points):
            lines += xAxisSettings(xs: points.map(\.x), ticAtEveryX: false)
            lines += [
                "unset key",
                "set offsets graph 0.05, graph 0.2, graph 0.1, graph 0.1",
            ]
            plot = "plot \(file)\(block(0)) using 1:2:3:4:(int($0) % \(ChartStyle.palette.count) + 1) with yerrorbars lc variable pt 7 ps 1.2 notitle, \\\n"
                + "     \(file)\(block(0)) using 1:2:6 with labels left offset char 0.8,0.6 notitle"
        case .panels:
            preconditionFailure("panels are drawn one by one by gnuplotScript()")
        }
        if yBounds.lowerBound.isFinite {
            // Autoscale, but never past the metric's range (the offsets would otherwise show negative accuracies).
            let upper = yBounds.upperBound.isFinite ? "*<\(GnuplotText.number(yBounds.upperBound))" : "*"
            lines.append("set yrange [\(GnuplotText.number(yBounds.lowerBound)):\(upper)]")
        }
        return (lines, plot)
    }

    /// How many linetypes the chart uses: series, lines, or (scatter) as many colours as points up to the palette.
    var seriesCount: Int {
        switch kind {
        case .groupedBars(_, let series): return series.count
        case .lines(let lines): return lines.count
        case .scatter(let points): return min(points.count, ChartStyle.palette.count)
        case .panels(let panels): return panels.map(\.seriesCount).max() ?? 0
        }
    }

    /// The x axis: exact data range (plus the offsets), log scale when asked, and either a tick at
    /// every x (at most 12 distinct values, spread out enough to keep labels apart: rounds, top-k)
    /// or automatic ticks, printed as 10k, 1M, … for large values.
    private func xAxisSettings(xs: [Double], ticAtEveryX: Bool) -> [String] {
        var settings = ["set autoscale xfix"]
        if logScaleX { settings.append("set logscale x 10") }
        let distinct = Array(Set(xs)).sorted()
        let positions = logScaleX ? distinct.map(log10) : distinct
        let span = (positions.last ?? 0) - (positions.first ?? 0)
        let closestGap = zip(positions.dropFirst(), positions).map { $0 - $1 }.min() ?? span
        if ticAtEveryX && distinct.count <= 12 && closestGap >= span / 20 {
            let tics = distinct.map { "\(GnuplotText.quoted(GnuplotText.compact($0))) \(GnuplotText.number($0))" }
            settings.append("set xtics (\(tics.joined(separator: ", ")))")
        } else if let largest = xs.map(abs).max(), largest >= 10_000 {
            settings.append(logScaleX ? "set format x '%.0s%c'" : "set format x '%.1s%c'")
        }
        return settings
    }
}
